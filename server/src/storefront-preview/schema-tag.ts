import { Tag, type Liquid, type TagToken, type TopLevelToken } from "liquidjs";

/** The parsed `{% schema %}` JSON of a block (the parts the preview uses). */
export interface BlockSchema {
  name: string;
  target: string;
  javascript?: string;
  stylesheet?: string;
  settings?: Array<{ id?: string; type: string; default?: unknown }>;
}

/**
 * `{% schema %}…{% endschema %}` as Shopify treats it: the JSON is read at parse time and the tag renders
 * nothing. The parsed JSON stays on the tag so the preview can load the block's javascript/stylesheet.
 */
export class SchemaTag extends Tag {
  readonly json: BlockSchema;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    const parts: string[] = [];
    for (let t = remainTokens.shift(); t; t = remainTokens.shift()) {
      if ("name" in t && t.name === "endschema") {
        this.json = JSON.parse(parts.join("")) as BlockSchema;
        return;
      }
      parts.push(t.getText());
    }
    throw new Error(`tag {% schema %} not closed in ${token.file ?? "template"}`);
  }

  *render(): Generator<unknown, void, unknown> {
    // Outputs nothing, like Shopify.
  }
}
