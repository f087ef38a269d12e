export const DISCOUNT_CREATE_MUTATION = `#graphql
  mutation DangolCustomerCoupon($discount: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $discount) {
      codeDiscountNode { id }
      userErrors { field code message }
    }
  }`;

/** Looks a code up to adopt it when a retried create reports the code as TAKEN. */
export const DISCOUNT_BY_CODE_QUERY = `#graphql
  query DangolCouponByCode($code: String!) {
    codeDiscountNodeByCode(code: $code) {
      id
      codeDiscount {
        ... on DiscountCodeBasic {
          endsAt
          context { ... on DiscountCustomers { customers { id } } }
        }
      }
    }
  }`;
