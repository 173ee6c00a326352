/** A CRM order or quote line as the document rules read it (Dataverse salesorderdetail / quotedetail). */
export type CrmDocumentLine = {
  id: string;
  /** Dataverse's sequence number (lineitemnumber where no sequence is kept): the ERP line order. */
  sequence: number;
  /** Null on a write-in product line. */
  productId: string | null;
  /** The write-in product's name, or the product's description when the line has none. */
  productDescription: string | null;
  description: string | null;
  quantity: number;
  pricePerUnit: number;
  volumeDiscountAmount: number;
  manualDiscountAmount: number;
};

/** A CRM product as its coupling into the ERP knows it. */
export type CoupledProduct = {
  /** Dataverse productstructure/statecode: only Active products may be ordered. */
  active: boolean;
  /** Dataverse producttypecode: Sales Inventory → an item, Services → a resource. */
  type: "sales-inventory" | "services" | "other";
  /** The coupled ERP item or resource number, null when the product is not coupled. */
  erpNumber: string | null;
  unitOfMeasureCode: string | null;
};

export type WriteInSetting = { type: "item" | "resource"; number: string | null };

/** One ERP sales line to write; comment lines carry only a description and the line they are attached to. */
export type ErpLineDraft =
  | {
      kind: "item" | "resource";
      /** The CRM line it came from (coupling), and its position. */
      crmLineId: string;
      lineNo: number;
      number: string;
      description: string | null;
      unitOfMeasureCode: string | null;
      quantity: number;
      unitPrice: number;
      lineDiscountAmount: number;
    }
  | { kind: "comment"; lineNo: number; attachedToLineNo: number; description: string };

export type DocumentError = { code: "WRITE_IN_NOT_CONFIGURED" | "PRODUCT_NOT_USABLE"; message: string; lineId: string };
