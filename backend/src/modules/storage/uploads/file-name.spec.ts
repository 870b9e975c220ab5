import { cleanFileName, contentDisposition, downloadFileName, MAX_FILE_NAME_LENGTH } from './file-name';

describe('cleanFileName', () => {
  it.each([
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['..\\..\\windows\\win.ini', 'win.ini'],
    ['/absolute/path/scan.png', 'scan.png'],
    ['C:\\Users\\me\\Desktop\\DBS.pdf', 'DBS.pdf'],
    ['..', 'file'],
    ['.hidden', 'hidden'],
    ['', 'file'],
    [undefined, 'file'],
    ['  first\taid \n cert.pdf ', 'first aid cert.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['nul\u0000byte.pdf', 'nulbyte.pdf'],
    ['Zertifikat Müller.pdf', 'Zertifikat Müller.pdf'],
  ])('%p -> %p', (raw, expected) => {
    expect(cleanFileName(raw)).toBe(expected);
  });

  it('shortens a long name but keeps its extension', () => {
    const cleaned = cleanFileName(`${'a'.repeat(500)}.pdf`);
    expect(cleaned.length).toBe(MAX_FILE_NAME_LENGTH);
    expect(cleaned.endsWith('.pdf')).toBe(true);
  });
});

describe('downloadFileName', () => {
  it('gives the file the extension of what it really is', () => {
    expect(downloadFileName('scan.pdf', 'application/pdf')).toBe('scan.pdf');
    expect(downloadFileName('photo.JPEG', 'image/jpeg')).toBe('photo.JPEG');
    expect(downloadFileName('certificate', 'image/png')).toBe('certificate.png');
    expect(downloadFileName('scan.pdf', 'image/png')).toBe('scan.pdf.png');
  });
});

describe('contentDisposition', () => {
  it('quotes safely and carries the exact name in filename*', () => {
    expect(contentDisposition('attachment', 'a "b"\\c.pdf')).toBe(
      `attachment; filename="a _b__c.pdf"; filename*=UTF-8''a%20%22b%22%5Cc.pdf`,
    );
    expect(contentDisposition('inline', "Müller's (1).pdf")).toBe(
      `inline; filename="M_ller's (1).pdf"; filename*=UTF-8''M%C3%BCller%27s%20%281%29.pdf`,
    );
  });
});
