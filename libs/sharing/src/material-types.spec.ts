import { strToU8, zipSync } from 'fflate';
import { attachmentDisposition, safeMaterialName } from './materials.service.js';
import { sniffMaterialType, zipEntry } from './material-types.js';

const office = (mainType: string, level: 0 | 6 = 6) =>
  Buffer.from(
    zipSync(
      {
        '_rels/.rels': strToU8('<Relationships/>'),
        '[Content_Types].xml': strToU8(
          `<Types><Default Extension="xml" ContentType="application/xml"/><Override PartName="/main.xml" ContentType="${mainType}"/></Types>`,
        ),
      },
      { level },
    ),
  );
const OOXML = 'application/vnd.openxmlformats-officedocument';

describe('sniffMaterialType', () => {
  it('knows PDF, PNG and JPEG by their first bytes', () => {
    expect(sniffMaterialType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMaterialType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('image/jpeg');
    expect(
      sniffMaterialType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])),
    ).toBe('image/png');
  });

  it('tells Word, PowerPoint and Excel apart by the main part, stored or deflated', () => {
    for (const level of [0, 6] as const) {
      expect(sniffMaterialType(office(`${OOXML}.wordprocessingml.document.main+xml`, level))).toBe(
        `${OOXML}.wordprocessingml.document`,
      );
      expect(
        sniffMaterialType(office(`${OOXML}.presentationml.presentation.main+xml`, level)),
      ).toBe(`${OOXML}.presentationml.presentation`);
      expect(sniffMaterialType(office(`${OOXML}.spreadsheetml.sheet.main+xml`, level))).toBe(
        `${OOXML}.spreadsheetml.sheet`,
      );
    }
  });

  it('refuses what only pretends: an executable, HTML, a plain zip, a truncated zip', () => {
    expect(sniffMaterialType(Buffer.from('MZ\x90\x00rest of an exe'))).toBeNull();
    expect(sniffMaterialType(Buffer.from('<!doctype html><p>hi'))).toBeNull();
    expect(sniffMaterialType(Buffer.from(zipSync({ 'a.txt': strToU8('a') })))).toBeNull();
    const docx = office(`${OOXML}.wordprocessingml.document.main+xml`);
    expect(sniffMaterialType(docx.subarray(0, docx.length - 30))).toBeNull();
    expect(sniffMaterialType(Buffer.alloc(0))).toBeNull();
  });

  it('does not inflate a huge entry (zip bomb) past its cap', () => {
    const bomb = Buffer.from(zipSync({ '[Content_Types].xml': new Uint8Array(4 * 1024 * 1024) }));
    expect(zipEntry(bomb, '[Content_Types].xml')).toBeNull();
  });
});

describe('download names', () => {
  it('keep letters of any script and drop what a header or a path would misread', () => {
    expect(safeMaterialName('../../etc/passwd', 'pdf')).toBe('document.pdf');
    expect(safeMaterialName('a/b\\c; x.pdf', 'pdf')).toBe('abc x.pdf');
    expect(safeMaterialName('Hướng dẫn "tham gia".exe', 'pdf')).toBe('Hướng dẫn tham gia.pdf');
    expect(safeMaterialName(undefined, 'pptx')).toBe('document.pptx');
  });

  it('give an ASCII fallback and the UTF-8 name in RFC 5987 form', () => {
    expect(attachmentDisposition('Guide été.pdf')).toBe(
      `attachment; filename="Guide ete.pdf"; filename*=UTF-8''Guide%20%C3%A9t%C3%A9.pdf`,
    );
    expect(attachmentDisposition('دليل.pdf')).toMatch(
      /^attachment; filename="\.pdf"; filename\*=UTF-8''%D8/,
    );
  });
});
