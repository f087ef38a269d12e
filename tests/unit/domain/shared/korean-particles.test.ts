import { describe, expect, it } from "vitest";
import {
  fillWithParticles,
  particleFor,
  wordEnding,
  withParticle,
} from "../../../../server/src/domain/shared/korean-particles.js";

describe("Korean particles", () => {
  it("reads the final consonant of a Hangul syllable, ㄹ apart", () => {
    expect(wordEnding("쿠폰")).toBe("consonant");
    expect(wordEnding("커피")).toBe("vowel");
    expect(wordEnding("서울")).toBe("rieul");
    expect(withParticle("쿠폰", "을(를)")).toBe("쿠폰을");
    expect(withParticle("커피", "을(를)")).toBe("커피를");
    expect(withParticle("원두", "이(가)")).toBe("원두가");
    expect(withParticle("상품", "은(는)")).toBe("상품은");
    expect(withParticle("고객", "과(와)")).toBe("고객과");
    expect(withParticle("친구", "와(과)")).toBe("친구와");
  });

  it("takes 로 after ㄹ and a vowel, 으로 after other final consonants", () => {
    expect(withParticle("서울", "(으)로")).toBe("서울로");
    expect(withParticle("부산", "(으)로")).toBe("부산으로");
    expect(withParticle("대구", "(으)로")).toBe("대구로");
  });

  it("spells codes as Koreans read them: letters and digits one by one", () => {
    expect(withParticle("DG-7KQ2M9XHTR", "을(를)")).toBe("DG-7KQ2M9XHTR을"); // R 알
    expect(withParticle("DG-7KQ2M9XHTA", "을(를)")).toBe("DG-7KQ2M9XHTA를"); // A 에이
    expect(withParticle("DG-7KQ2M9XHTM", "이(가)")).toBe("DG-7KQ2M9XHTM이"); // M 엠
    expect(withParticle("WELCOME1", "(으)로")).toBe("WELCOME1로"); // 1 일
    expect(withParticle("WELCOME3", "(으)로")).toBe("WELCOME3으로"); // 3 삼
    const digits = ["영", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"];
    for (const [d, reading] of digits.entries())
      expect(particleFor(`X${d}`, "을(를)")).toBe(particleFor(reading, "을(를)"));
    expect(withParticle("15%", "이(가)")).toBe("15%가"); // 퍼센트
  });

  it("reads an English word as it is transliterated", () => {
    expect(withParticle("Coffee", "을(를)")).toBe("Coffee를");
    expect(withParticle("Green tea", "이(가)")).toBe("Green tea가");
    expect(withParticle("Cream", "이(가)")).toBe("Cream이");
    expect(withParticle("Apple", "(으)로")).toBe("Apple로");
    expect(withParticle("Mug", "을(를)")).toBe("Mug를");
    expect(withParticle("Cup", "을(를)")).toBe("Cup을");
  });

  it("looks past closing punctuation, and keeps both forms when the ending cannot be told", () => {
    expect(withParticle("원두 (1kg)", "을(를)")).toBe("원두 (1kg)를"); // g 지
    expect(withParticle("“쿠폰”", "이(가)")).toBe("“쿠폰”이");
    expect(particleFor("", "을(를)")).toBe("을(를)");
    expect(particleFor("★", "이(가)")).toBe("이(가)");
  });

  it("chooses each particle after a filled placeholder from the value filled in", () => {
    const values: Record<string, string> = { code: "SAVE10", product: "녹차", name: "민준" };
    const fill = (name: string) => values[name];
    expect(fillWithParticles("쿠폰 {code}을(를) 드려요. {product}이(가) 곧 떨어져요.", fill)).toBe(
      "쿠폰 SAVE10을 드려요. 녹차가 곧 떨어져요.",
    );
    expect(fillWithParticles("{name}은(는) {unknown}을(를)", fill)).toBe("민준은 {unknown}을(를)");
    // A particle written in one form by the merchant is left alone.
    expect(fillWithParticles("{product}를 다시", fill)).toBe("녹차를 다시");
  });
});
