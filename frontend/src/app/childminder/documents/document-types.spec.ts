import { fileProblem, formatBytes } from './document-types';

const fileOf = (size: number, name: string, type: string) => new File([new Uint8Array(size)], name, { type });

describe('fileProblem', () => {
  it('accepts PDF, JPEG and PNG files up to 10 MB, and files the browser cannot type', () => {
    expect(fileProblem(fileOf(1000, 'dbs.pdf', 'application/pdf'))).toBeNull();
    expect(fileProblem(fileOf(10 * 1024 * 1024, 'scan.png', 'image/png'))).toBeNull();
    expect(fileProblem(fileOf(10, 'scan', ''))).toBeNull();
  });

  it('names the file and the rule it breaks', () => {
    expect(fileProblem(fileOf(0, 'empty.pdf', 'application/pdf'))).toBe('empty.pdf is empty.');
    expect(fileProblem(fileOf(10 * 1024 * 1024 + 1, 'big.pdf', 'application/pdf'))).toBe(
      'big.pdf is 10.0 MB: the limit is 10 MB.',
    );
    expect(fileProblem(fileOf(10, 'cert.docx', 'application/msword'))).toBe(
      'cert.docx is not a PDF, JPEG or PNG file.',
    );
  });
});

describe('formatBytes', () => {
  it('reads as people say sizes', () => {
    expect(formatBytes(500)).toBe('1 KB');
    expect(formatBytes(830 * 1024)).toBe('830 KB');
    expect(formatBytes(2.44 * 1024 * 1024)).toBe('2.4 MB');
  });
});
