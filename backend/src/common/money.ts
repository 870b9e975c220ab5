/** Pence as people read them in emails and explanations: `£6.50`. */
export const formatPence = (pence: number): string => `£${(pence / 100).toFixed(2)}`;
