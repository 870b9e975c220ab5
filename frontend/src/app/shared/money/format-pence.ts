const GBP = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** 499 -> "£4.99", 149700 -> "£1,497.00". Money is integer pence everywhere: the app's one GBP formatter. */
export const formatPence = (pence: number): string => GBP.format(pence / 100);
