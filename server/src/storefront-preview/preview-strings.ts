import type { StorefrontLang } from "./extension-locales.js";

/** Text of the demo storefront around the extension (the extension's own text lives in its locales). */
export const PAGE_STRINGS: Record<StorefrontLang, Record<string, string>> = {
  en: {
    store_name: "Dangol Demo Store",
    nav_shop: "Shop",
    nav_about: "About",
    signed_in_as: "Signed in as",
    guest: "Browsing as a guest",
    pick_customer: "Preview as",
    guest_link: "Guest",
    language: "Language",
    hero_title: "Everyday goods, delivered when you need them",
    grid_title: "Popular right now",
    preview_note: "Storefront preview: the theme extension rendered with this customer's published decision.",
  },
  ko: {
    store_name: "단골 데모 스토어",
    nav_shop: "쇼핑",
    nav_about: "소개",
    signed_in_as: "로그인한 고객",
    guest: "비회원으로 둘러보는 중",
    pick_customer: "미리보기 고객",
    guest_link: "비회원",
    language: "언어",
    hero_title: "필요할 때 맞춰 오는 생활용품",
    grid_title: "지금 인기 있는 상품",
    preview_note: "스토어 미리보기: 이 고객에게 게시된 결정으로 테마 확장을 렌더링했습니다.",
  },
};

export const DEMO_PRODUCTS: Array<{ title: Record<StorefrontLang, string>; price: string; hue: number }> = [
  { title: { en: "Hand-drip coffee beans", ko: "핸드드립 원두" }, price: "$18.00", hue: 28 },
  { title: { en: "Bamboo toothbrush set", ko: "대나무 칫솔 세트" }, price: "$9.00", hue: 95 },
  { title: { en: "Oat milk, 6 pack", ko: "귀리 우유 6팩" }, price: "$14.00", hue: 45 },
  { title: { en: "Laundry sheets", ko: "세탁 시트" }, price: "$12.00", hue: 200 },
  { title: { en: "Green tea, 50 bags", ko: "녹차 50티백" }, price: "$11.00", hue: 140 },
  { title: { en: "Hand soap refill", ko: "핸드솝 리필" }, price: "$8.00", hue: 320 },
];
