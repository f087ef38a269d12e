// metafieldDefinitionCreate: a definition that already exists answers a userError with code TAKEN.
export const METAFIELD_DEFINITION_CREATE_MUTATION = `#graphql
  mutation DangolMetafieldDefinitionCreate($definition: MetafieldDefinitionInput!) {
    metafieldDefinitionCreate(definition: $definition) {
      createdDefinition { id }
      userErrors { field code message }
    }
  }`;
