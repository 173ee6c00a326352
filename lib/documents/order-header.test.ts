import { describe, expect, it } from "vitest";
import { buildOrderHeader, type CrmOrderHeader } from "./order-header";

const ORDER: CrmOrderHeader = {
  name: "Bikes for the spring fair",
  orderNumber: "ORD-01001-X7Y2",
  customer: { kind: "account", id: "a-1" },
  currencyCode: "USD",
  requestDeliveryBy: "2027-03-01T00:00:00Z",
  billTo: { line1: null, city: "" },
  shipTo: { line1: "1 Harbour Road", city: "Seattle" },
  paymentTermsCode: "14 DAYS",
  shippingAgentCode: null,
  shipmentMethodCode: "EXW",
  discountPercentage: 2,
  description: "Deliver before noon",
  totalLineItemAmount: 1000,
  totalAmountLessFreight: 950,
  freightAmount: 25,
};
const CUSTOMER = { id: "a-1", customerType: "customer" as const, erpCustomerNumber: "10000" };

describe("buildOrderHeader", () => {
  it("should map the header as BC does when the account is a coupled customer", () => {
    expect(buildOrderHeader(ORDER, CUSTOMER)).toEqual({
      ok: true,
      header: {
        customerNumber: "10000",
        externalDocumentNumber: "Bikes for the spring fair",
        yourReference: "ORD-01001-X7Y2",
        currencyCode: "USD",
        requestedDeliveryDate: "2027-03-01",
        billTo: null,
        shipTo: { line1: "1 Harbour Road", city: "Seattle" },
        paymentTermsCode: "14 DAYS",
        shippingAgentCode: null,
        shipmentMethodCode: "EXW",
        paymentDiscountPercent: 2,
        workDescription: "Deliver before noon",
        invoiceDiscountAmount: 50,
        freightAmount: 25,
      },
    });
  });

  it.each([
    {
      when: "the account is not of type Customer",
      account: { ...CUSTOMER, customerType: "other" as const },
      code: "NOT_A_CUSTOMER",
    },
    {
      when: "the account is not coupled",
      account: { ...CUSTOMER, erpCustomerNumber: null },
      code: "CUSTOMER_NOT_COUPLED",
    },
  ])("should refuse the order with $code when $when", ({ account, code }) => {
    const outcome = buildOrderHeader(ORDER, account);
    expect(outcome).toMatchObject({ ok: false, error: { code } });
    expect(outcome.ok ? "" : outcome.error.message).toContain("ORD-01001-X7Y2");
  });

  it("should give no invoice discount when the lines total no more than the amount less freight", () => {
    const outcome = buildOrderHeader({ ...ORDER, totalAmountLessFreight: 1000 }, CUSTOMER);
    expect(outcome.ok && outcome.header.invoiceDiscountAmount).toBe(0);
  });
});
