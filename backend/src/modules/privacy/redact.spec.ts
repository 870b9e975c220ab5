import { ErasureSubject } from './personal-data';
import { mentions, redact, REDACTED } from './redact';

const subject: ErasureSubject = {
  userId: 'u1',
  identifiers: ['jane.doe@example.com', 'Jane Doe', '07700 900123'],
  related: ['Oliver', 'Jane'],
};

describe(redact.name, () => {
  it('removes the full name, the address and the phone, whatever their case', () => {
    expect(redact('New booking from jane doe (JANE.DOE@example.com, 07700 900123)', subject)).toBe(
      `New booking from ${REDACTED} (${REDACTED}, ${REDACTED})`,
    );
  });

  it('removes related terms (children’s names, the first name) only where an identifier appears', () => {
    expect(redact('Jane Doe booked care for Oliver. Thanks, Jane', subject)).toBe(
      `${REDACTED} booked care for ${REDACTED}. Thanks, ${REDACTED}`,
    );
    expect(redact('Oliver from another family', subject)).toBe('Oliver from another family');
  });

  it('matches whole words only, so a longer name containing the term stays', () => {
    expect(redact('Jane Doe and Olivera', subject)).toBe(`${REDACTED} and Olivera`);
  });

  it('keeps JSON valid', () => {
    const json = JSON.stringify({ title: 'Message from Jane Doe', body: 'Hi' });
    expect(JSON.parse(redact(json, subject))).toEqual({ title: `Message from ${REDACTED}`, body: 'Hi' });
  });

  it('ignores empty and one-letter terms', () => {
    expect(mentions('a b c', { userId: 'u', identifiers: ['', 'a'], related: [] })).toBe(false);
  });
});
