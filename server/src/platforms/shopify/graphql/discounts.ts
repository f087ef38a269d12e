export const DISCOUNT_CREATE_MUTATION = `#graphql
  mutation DangolCustomerCoupon($discount: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $discount) {
      codeDiscountNode { id }
      userErrors { field code message }
    }
  }`;
