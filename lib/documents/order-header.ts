import type { DocumentError } from "./document-types";

/** A CRM order's header as the document rules read it (Dataverse salesorder). */
export type CrmOrderHeader = {
  name: string;
  orderNumber: string;
  /** The customer: an account, or a contact whose parent account is used. */
  customer: { kind: "account" | "contact"; id: string };
  currencyCode: string | null;
  requestDeliveryBy: string | null;
  billTo: Address;
  shipTo: Address;
  paymentTermsCode: string | null;
  shippingAgentCode: string | null;
  shipmentMethodCode: string | null;
  discountPercentage: number | null;
  description: string | null;
  totalLineItemAmount: number;
  totalAmountLessFreight: number;
  freightAmount: number;
};
export type Address = {
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  postalCode?: string | null;
  country?: string | null;
};

/** The account the order is for, as its coupling into the ERP knows it. */
export type OrderAccount = { id: string; customerType: "customer" | "other"; erpCustomerNumber: string | null };

export type ErpOrderHeader = {
  customerNumber: string;
  externalDocumentNumber: string;
  yourReference: string;
  currencyCode: string | null;
  requestedDeliveryDate: string | null;
  billTo: Address | null;
  shipTo: Address | null;
  paymentTermsCode: string | null;
  shippingAgentCode: string | null;
  shipmentMethodCode: string | null;
  paymentDiscountPercent: number | null;
  workDescription: string | null;
  /** Total line amount − total amount less freight, when positive (BC applies it as an invoice discount). */
  invoiceDiscountAmount: number;
  freightAmount: number;
};

export type HeaderError = Omit<DocumentError, "code" | "lineId"> & {
  code: "NOT_A_CUSTOMER" | "CUSTOMER_NOT_COUPLED";
};

const hasAny = (address: Address) => Object.values(address).some((v) => typeof v === "string" && v.trim() !== "");

/**
 * The ERP order header of a submitted CRM order (§6.1): the customer of the coupled account, which must be of type
 * Customer; name → External Document No., order number → Your Reference; addresses only when the CRM has one.
 */
export function buildOrderHeader(
  order: CrmOrderHeader,
  account: OrderAccount,
): { ok: true; header: ErpOrderHeader } | { ok: false; error: HeaderError } {
  if (account.customerType !== "customer")
    return {
      ok: false,
      error: {
        code: "NOT_A_CUSTOMER",
        message: `The order ${order.orderNumber} is for account ${account.id}, whose relationship type is not Customer; only customers' orders are created in the ERP.`,
      },
    };
  if (!account.erpCustomerNumber)
    return {
      ok: false,
      error: {
        code: "CUSTOMER_NOT_COUPLED",
        message: `The account ${account.id} of order ${order.orderNumber} is not coupled to an ERP customer: couple it (CUSTOMER) first.`,
      },
    };
  const discount = Math.round((order.totalLineItemAmount - order.totalAmountLessFreight) * 100) / 100;
  return {
    ok: true,
    header: {
      customerNumber: account.erpCustomerNumber,
      externalDocumentNumber: order.name.slice(0, 35),
      yourReference: order.orderNumber.slice(0, 35),
      currencyCode: order.currencyCode,
      requestedDeliveryDate: order.requestDeliveryBy?.slice(0, 10) ?? null,
      billTo: hasAny(order.billTo) ? order.billTo : null,
      shipTo: hasAny(order.shipTo) ? order.shipTo : null,
      paymentTermsCode: order.paymentTermsCode,
      shippingAgentCode: order.shippingAgentCode,
      shipmentMethodCode: order.shipmentMethodCode,
      paymentDiscountPercent: order.discountPercentage,
      workDescription: order.description,
      invoiceDiscountAmount: Math.max(0, discount),
      freightAmount: order.freightAmount,
    },
  };
}
