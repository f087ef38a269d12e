// The subset of Shopify's Admin GraphQL schema (2026-07) the app uses. Names and nullability follow shopify.dev.
export const ADMIN_SCHEMA_SDL = /* GraphQL */ `
scalar DateTime
scalar Decimal
scalar URL
scalar JSON
scalar UnsignedInt64

interface Node { id: ID! }

enum CurrencyCode { GBP USD EUR KRW CAD AUD JPY }
enum OrderSortKeys { CREATED_AT UPDATED_AT PROCESSED_AT ID ORDER_NUMBER TOTAL_PRICE }
enum CustomerSortKeys { CREATED_AT UPDATED_AT ID NAME RELEVANCE }
enum OrderDisplayFinancialStatus { AUTHORIZED EXPIRED PAID PARTIALLY_PAID PARTIALLY_REFUNDED PENDING REFUNDED VOIDED }
enum OrderCancelReason { CUSTOMER DECLINED FRAUD INVENTORY OTHER STAFF }
enum BulkOperationStatus { CANCELED CANCELING COMPLETED CREATED EXPIRED FAILED RUNNING }
enum BulkOperationErrorCode { ACCESS_DENIED INTERNAL_SERVER_ERROR TIMEOUT }
enum BulkOperationType { MUTATION QUERY }
enum CountPrecision { AT_LEAST EXACT }
enum DiscountStatus { ACTIVE EXPIRED SCHEDULED }
enum DiscountBuyerSelection { ALL }
enum MetafieldOwnerType { CUSTOMER ORDER PRODUCT SHOP }

type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
type MoneyV2 { amount: Decimal! currencyCode: CurrencyCode! }
type MoneyBag { shopMoney: MoneyV2! presentmentMoney: MoneyV2! }

type Shop implements Node { id: ID! name: String! myshopifyDomain: String! currencyCode: CurrencyCode! }

type Metafield implements Node {
  id: ID! namespace: String! key: String! value: String! type: String! jsonValue: JSON!
  ownerType: MetafieldOwnerType! createdAt: DateTime! updatedAt: DateTime!
}

type Customer implements Node {
  id: ID! email: String firstName: String lastName: String displayName: String! locale: String!
  createdAt: DateTime! updatedAt: DateTime! numberOfOrders: UnsignedInt64! amountSpent: MoneyV2!
  metafield(namespace: String, key: String!): Metafield
  orders(first: Int, after: String, last: Int, before: String, query: String, sortKey: OrderSortKeys, reverse: Boolean): OrderConnection!
}
type CustomerEdge { node: Customer! cursor: String! }
type CustomerConnection { nodes: [Customer!]! edges: [CustomerEdge!]! pageInfo: PageInfo! }

type Product implements Node { id: ID! title: String! handle: String! }
type ProductVariant implements Node { id: ID! title: String! sku: String product: Product! }

type LineItem implements Node {
  id: ID! title: String! name: String! quantity: Int! currentQuantity: Int! sku: String
  product: Product variant: ProductVariant
  originalUnitPriceSet: MoneyBag! discountedUnitPriceSet: MoneyBag! originalTotalSet: MoneyBag!
}
type LineItemEdge { node: LineItem! cursor: String! }
type LineItemConnection { nodes: [LineItem!]! edges: [LineItemEdge!]! pageInfo: PageInfo! }

type Refund implements Node { id: ID! createdAt: DateTime totalRefundedSet: MoneyBag! }

type Order implements Node {
  id: ID! name: String! createdAt: DateTime! updatedAt: DateTime! processedAt: DateTime! cancelledAt: DateTime
  cancelReason: OrderCancelReason closed: Boolean! test: Boolean! sourceName: String email: String
  currencyCode: CurrencyCode! displayFinancialStatus: OrderDisplayFinancialStatus
  discountCode: String discountCodes: [String!]!
  customer: Customer
  subtotalPriceSet: MoneyBag totalPriceSet: MoneyBag! currentTotalPriceSet: MoneyBag! totalRefundedSet: MoneyBag!
  totalDiscountsSet: MoneyBag
  lineItems(first: Int, after: String, last: Int, before: String, reverse: Boolean): LineItemConnection!
  refunds(first: Int): [Refund!]!
}
type OrderEdge { node: Order! cursor: String! }
type OrderConnection { nodes: [Order!]! edges: [OrderEdge!]! pageInfo: PageInfo! }

type BulkOperation implements Node {
  id: ID! status: BulkOperationStatus! errorCode: BulkOperationErrorCode type: BulkOperationType!
  objectCount: UnsignedInt64! rootObjectCount: UnsignedInt64! fileSize: UnsignedInt64
  url: URL partialDataUrl: URL query: String! createdAt: DateTime! completedAt: DateTime
}

type UserError { field: [String!] message: String! }
type BulkOperationUserError { field: [String!] message: String! code: String }
type BulkOperationRunQueryPayload { bulkOperation: BulkOperation userErrors: [BulkOperationUserError!]! }
type BulkOperationCancelPayload { bulkOperation: BulkOperation userErrors: [UserError!]! }

type DiscountRedeemCode { id: ID! code: String! asyncUsageCount: Int! }
type DiscountRedeemCodeConnection { nodes: [DiscountRedeemCode!]! pageInfo: PageInfo! }
type DiscountCodeBasic {
  title: String! status: DiscountStatus! startsAt: DateTime! endsAt: DateTime usageLimit: Int
  appliesOncePerCustomer: Boolean! asyncUsageCount: Int! codesCount: Int! summary: String! createdAt: DateTime!
  codes(first: Int): DiscountRedeemCodeConnection! context: DiscountContext!
}
type DiscountBuyerSelectionAll { all: DiscountBuyerSelection! }
type DiscountCustomers { customers: [Customer!]! }
union DiscountContext = DiscountBuyerSelectionAll | DiscountCustomers
union DiscountCode = DiscountCodeBasic
type DiscountCodeNode implements Node { id: ID! codeDiscount: DiscountCode! }
type DiscountUserError { field: [String!] message: String! code: String extraInfo: String }
type DiscountCodeBasicCreatePayload { codeDiscountNode: DiscountCodeNode userErrors: [DiscountUserError!]! }

type MetafieldsSetUserError { field: [String!] message: String! code: String elementIndex: Int }
type MetafieldsSetPayload { metafields: [Metafield!] userErrors: [MetafieldsSetUserError!]! }

input DiscountCustomersInput { add: [ID!] remove: [ID!] }
input DiscountCustomerSegmentsInput { add: [ID!] remove: [ID!] }
input DiscountContextInput { all: DiscountBuyerSelection customers: DiscountCustomersInput customerSegments: DiscountCustomerSegmentsInput }
input DiscountCustomerSelectionInput { all: Boolean customers: DiscountCustomersInput customerSegments: DiscountCustomerSegmentsInput }
input DiscountAmountInput { amount: Decimal appliesOnEachItem: Boolean }
input DiscountCustomerGetsValueInput { percentage: Float discountAmount: DiscountAmountInput }
input DiscountProductsInput { productsToAdd: [ID!] productVariantsToAdd: [ID!] }
input DiscountCollectionsInput { add: [ID!] }
input DiscountItemsInput { all: Boolean products: DiscountProductsInput collections: DiscountCollectionsInput }
input DiscountCustomerGetsInput { value: DiscountCustomerGetsValueInput items: DiscountItemsInput appliesOnOneTimePurchase: Boolean appliesOnSubscription: Boolean }
input DiscountMinimumSubtotalInput { greaterThanOrEqualToSubtotal: Decimal }
input DiscountMinimumQuantityInput { greaterThanOrEqualToQuantity: UnsignedInt64 }
input DiscountMinimumRequirementInput { subtotal: DiscountMinimumSubtotalInput quantity: DiscountMinimumQuantityInput }
input DiscountCombinesWithInput { orderDiscounts: Boolean productDiscounts: Boolean shippingDiscounts: Boolean }
input DiscountCodeBasicInput {
  title: String code: String startsAt: DateTime endsAt: DateTime
  context: DiscountContextInput customerSelection: DiscountCustomerSelectionInput
  customerGets: DiscountCustomerGetsInput minimumRequirement: DiscountMinimumRequirementInput
  combinesWith: DiscountCombinesWithInput usageLimit: Int appliesOncePerCustomer: Boolean
  recurringCycleLimit: Int tags: [String!]
}
type WebPixel { id: ID! settings: JSON! }
type ErrorsWebPixelUserError { field: [String!] message: String! code: String }
type WebPixelCreatePayload { webPixel: WebPixel userErrors: [ErrorsWebPixelUserError!]! }
type WebPixelUpdatePayload { webPixel: WebPixel userErrors: [ErrorsWebPixelUserError!]! }
input WebPixelInput { settings: JSON }
input MetafieldCapabilityAdminFilterableInput { enabled: Boolean! }
input MetafieldCapabilitySmartCollectionConditionInput { enabled: Boolean! }
input MetafieldCapabilityCreateInput {
  adminFilterable: MetafieldCapabilityAdminFilterableInput
  smartCollectionCondition: MetafieldCapabilitySmartCollectionConditionInput
}
input MetafieldDefinitionInput {
  name: String! namespace: String key: String! description: String ownerType: MetafieldOwnerType! type: String!
  capabilities: MetafieldCapabilityCreateInput
}
type MetafieldCapabilityAdminFilterable { enabled: Boolean! }
type MetafieldCapabilities { adminFilterable: MetafieldCapabilityAdminFilterable! }
type MetafieldDefinitionType { name: String! }
type MetafieldDefinition implements Node {
  id: ID! name: String! namespace: String! key: String! ownerType: MetafieldOwnerType! type: MetafieldDefinitionType!
  capabilities: MetafieldCapabilities!
}
type MetafieldDefinitionCreateUserError { field: [String!] message: String! code: String }
type MetafieldDefinitionCreatePayload { createdDefinition: MetafieldDefinition userErrors: [MetafieldDefinitionCreateUserError!]! }
input MetafieldIdentifierInput { ownerId: ID! namespace: String! key: String! }
type MetafieldIdentifier { ownerId: ID! namespace: String! key: String! }
# Shopify's payload says UserError; named apart here, as the flow trigger SDL defines UserError for itself.
type MetafieldsDeleteUserError { field: [String!] message: String! }
type MetafieldsDeletePayload { deletedMetafields: [MetafieldIdentifier] userErrors: [MetafieldsDeleteUserError!]! }
type CustomerSegmentMember { id: ID! firstName: String lastName: String }
type CustomerSegmentMemberEdge { node: CustomerSegmentMember! cursor: String! }
type CustomerSegmentMemberConnection { nodes: [CustomerSegmentMember!]! edges: [CustomerSegmentMemberEdge!]! pageInfo: PageInfo! totalCount: Int! }
input MetafieldsSetInput { ownerId: ID! namespace: String key: String! type: String value: String! compareDigest: String }

type Count { count: Int! precision: CountPrecision! }

type QueryRoot {
  shop: Shop!
  orders(first: Int, after: String, last: Int, before: String, query: String, sortKey: OrderSortKeys, reverse: Boolean): OrderConnection!
  customers(first: Int, after: String, last: Int, before: String, query: String, sortKey: CustomerSortKeys, reverse: Boolean): CustomerConnection!
  ordersCount(query: String, limit: Int = 10000): Count
  customersCount(query: String, limit: Int = 10000): Count
  order(id: ID!): Order
  customer(id: ID!): Customer
  node(id: ID!): Node
  nodes(ids: [ID!]!): [Node]!
  bulkOperation(id: ID!): BulkOperation
  currentBulkOperation(type: BulkOperationType): BulkOperation
  codeDiscountNode(id: ID!): DiscountCodeNode
  codeDiscountNodeByCode(code: String!): DiscountCodeNode
  webPixel(id: ID): WebPixel
  customerSegmentMembers(query: String, first: Int, after: String): CustomerSegmentMemberConnection!
}

type Mutation {
  bulkOperationRunQuery(query: String!, groupObjects: Boolean): BulkOperationRunQueryPayload
  bulkOperationCancel(id: ID!): BulkOperationCancelPayload
  discountCodeBasicCreate(basicCodeDiscount: DiscountCodeBasicInput!): DiscountCodeBasicCreatePayload
  metafieldsSet(metafields: [MetafieldsSetInput!]!): MetafieldsSetPayload
  webPixelCreate(webPixel: WebPixelInput!): WebPixelCreatePayload
  webPixelUpdate(id: ID!, webPixel: WebPixelInput!): WebPixelUpdatePayload
  metafieldDefinitionCreate(definition: MetafieldDefinitionInput!): MetafieldDefinitionCreatePayload
  metafieldsDelete(metafields: [MetafieldIdentifierInput!]!): MetafieldsDeletePayload
}

schema { query: QueryRoot mutation: Mutation }
`;
