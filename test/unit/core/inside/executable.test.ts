import { describe, expect, it } from 'vitest';
import { EXECUTABLE_HEAD_BYTES, describeExecutable, identifyExecutable } from '@core/inside/executable.js';
import { head } from '../../../support/deepData.js';

describe('identifyExecutable on real executables from npm', () => {
  it.each([
    ['darwinArm64', 'macho', ['arm64'], 'arm64'],
    ['darwinX64', 'macho', ['x86_64'], 'x86_64'],
    ['universal', 'macho-universal', ['x86_64', 'arm64'], 'universal(x86_64,arm64)'],
    ['winX64', 'pe', ['x86_64'], 'x86_64'],
    ['winArm64', 'pe', ['arm64'], 'arm64'],
    ['winIa32', 'pe', ['i386'], 'i386'],
    ['linuxX64', 'elf', ['x86_64'], 'x86_64'],
    ['linuxArm64', 'elf', ['arm64'], 'arm64'],
    ['linuxArm', 'elf', ['arm'], 'arm'],
    ['linuxIa32', 'elf', ['i386'], 'i386'],
  ] as const)('%s is %s for %j', (name, format, cpus, described) => {
    const info = identifyExecutable(head(name));
    expect(info.format).toBe(format);
    expect(info.cpus).toEqual(cpus);
    expect(info.problem).toBeUndefined();
    expect(describeExecutable(info)).toBe(described);
  });

  it('takes an ARM64EC PE (machine 0xa641) for arm64: it runs only on Windows on Arm, never on x64 Windows', () => {
    const ec = head('winArm64').slice();
    const view = new DataView(ec.buffer);
    view.setUint16(view.getUint32(0x3c, true) + 4, 0xa641, true);
    expect(identifyExecutable(ec)).toEqual({ format: 'pe', cpus: ['arm64'] });
  });

  it('reads a big-endian ELF (s390x) with EI_DATA=2 and names its machine', () => {
    const info = identifyExecutable(head('linuxS390x'));
    expect(info).toEqual({ format: 'elf', cpus: ['other'], rawCpu: '0x16' });
    expect(describeExecutable(info)).toBe('other(0x16)');
  });
});

describe('identifyExecutable on CPU-neutral files', () => {
  it('takes Java classes (0xcafebabe + version ≥ 45) as data, not universal Mach-O', () => {
    // javaversion.class: minor 3, major 45 (u32 0x0003002d); Hello.class from javac 17: major 61.
    expect(identifyExecutable(head('javaOld'))).toEqual({ format: 'data', cpus: [] });
    expect(identifyExecutable(head('java17'))).toEqual({ format: 'data', cpus: [] });
  });

  it('takes 0xcafebabe with 45 or more as a Java class (major version 45 is Java 1.1), 44 as universal Mach-O', () => {
    const fat = (count: number) => {
      const bytes = new Uint8Array(8 + 44 * 20);
      const view = new DataView(bytes.buffer);
      view.setUint32(0, 0xcafebabe);
      view.setUint32(4, count);
      for (let i = 0; i < Math.min(count, 44); i += 1) view.setUint32(8 + i * 20, 0x0100000c);
      return bytes;
    };
    expect(identifyExecutable(fat(45))).toEqual({ format: 'data', cpus: [] });
    expect(identifyExecutable(fat(44))).toEqual({ format: 'macho-universal', cpus: ['arm64'] });
  });

  it('takes text with one control character in a hundred as text, and with two as data', () => {
    const withControls = (n: number) => new Uint8Array(Array.from({ length: 100 }, (_, i) => (i < n ? 0x01 : 0x41)));
    expect(identifyExecutable(withControls(1)).format).toBe('text');
    expect(identifyExecutable(withControls(2)).format).toBe('data');
  });

  it('takes a .pyc as data and a .properties as text', () => {
    expect(identifyExecutable(head('pyc'), '/x/abc.pyc').format).toBe('data');
    expect(identifyExecutable(head('properties'), '/conf/net.properties').format).toBe('text');
  });

  it('takes #! files and Windows .cmd files as scripts', () => {
    expect(identifyExecutable(head('sh'), '/linux/npm')).toEqual({ format: 'script', cpus: [] });
    expect(identifyExecutable(head('ps1'), '/windows/npm.ps1').format).toBe('script');
    expect(identifyExecutable(head('cmd'), '/windows/npm.cmd').format).toBe('script');
    // The same text without a script name is only text.
    expect(identifyExecutable(head('cmd')).format).toBe('text');
  });

  it('takes UTF-16 text with a byte-order mark as text, and a multi-byte character cut at the end as text', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x40, 0x00, 0x65, 0x00, 0x63, 0x00, 0x68, 0x00, 0x6f, 0x00]);
    expect(identifyExecutable(utf16, '/windows/a.ps1').format).toBe('script');
    const cut = new TextEncoder().encode('échelle é').subarray(0, 10);
    expect(identifyExecutable(cut).format).toBe('text');
  });
});

describe('identifyExecutable on short, cut and hostile heads never throws', () => {
  it('takes bytes that are not UTF-8 (and have no NUL) as data, and text full of control characters as data', () => {
    expect(identifyExecutable(new Uint8Array([0xc3, 0x28, 0xa0, 0xa1, 0x41]), '/x.sh').format).toBe('data');
    expect(
      identifyExecutable(new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? 0x01 : 0x41))), '/x.sh')
        .format,
    ).toBe('data');
  });

  it('gives data for no bytes', () => {
    expect(identifyExecutable(new Uint8Array(0))).toEqual({ format: 'data', cpus: [] });
  });

  it('names the problem when an ELF header is cut before e_machine', () => {
    const info = identifyExecutable(head('linuxX64').subarray(0, 10));
    expect(info.format).toBe('elf');
    expect(info.cpus).toEqual([]);
    expect(info.problem).toMatch(/cut short: 10 bytes/);
  });

  it('names a bad ELF byte order', () => {
    const bytes = head('linuxX64').slice(0, 64);
    bytes[5] = 7;
    expect(identifyExecutable(bytes).problem).toMatch(/no byte order/);
  });

  it('names a PE header offset past the bytes read and an MZ file with no PE signature', () => {
    const pe = head('winX64');
    expect(identifyExecutable(pe.subarray(0, 0x40)).problem).toMatch(/lies past the 64 bytes read/);
    expect(identifyExecutable(pe.subarray(0, 0x20)).problem).toMatch(/cut short/);
    const noSig = pe.slice();
    const offset = new DataView(noSig.buffer).getUint32(0x3c, true);
    noSig[offset] = 0x4e;
    expect(identifyExecutable(noSig).problem).toMatch(/without a PE signature/);
  });

  it('names a universal header listing more architectures than the bytes hold, or none', () => {
    const u = head('universal');
    expect(identifyExecutable(u.subarray(0, 20)).problem).toMatch(/lists 2 architectures, more than the 20 bytes/);
    const none = u.slice(0, 64);
    none.set([0, 0, 0, 0], 4);
    expect(identifyExecutable(none).problem).toMatch(/no architectures/);
    expect(identifyExecutable(u.subarray(0, 6)).problem).toMatch(/cut short/);
  });

  it('gives the Mach-O CPU for a thin header of 8 bytes and a problem for 6', () => {
    expect(identifyExecutable(head('darwinArm64').subarray(0, 8)).cpus).toEqual(['arm64']);
    expect(identifyExecutable(head('darwinArm64').subarray(0, 6)).problem).toMatch(/cut short/);
  });

  it('looks at no more than 4 KiB: a huge head is cut, not scanned', () => {
    expect(EXECUTABLE_HEAD_BYTES).toBe(4096);
    // Text for 4 KiB, then a NUL: the NUL lies past what is looked at, so the file is text, not data.
    const text = new Uint8Array(EXECUTABLE_HEAD_BYTES + 1).fill(0x61);
    text[EXECUTABLE_HEAD_BYTES] = 0;
    expect(identifyExecutable(text).format).toBe('text');
    // A fat64 header whose table of 130 architectures (32 bytes each) ends past 4 KiB is cut short, bytes there or not.
    const fat = new Uint8Array(8 + 130 * 32);
    const view = new DataView(fat.buffer);
    view.setUint32(0, 0xcafebabf);
    view.setUint32(4, 130);
    for (let i = 0; i < 130; i += 1) view.setUint32(8 + i * 32, 0x0100000c);
    expect(identifyExecutable(fat).problem).toBe(
      'universal Mach-O lists 130 architectures, more than the 4096 bytes read hold',
    );
  });

  it('does not throw for a non-Uint8Array value', () => {
    // Hostile callers (JSON-decoded data) may hand anything.
    const info = identifyExecutable('not bytes' as unknown as Uint8Array);
    expect(info.format).toBe('data');
    expect(info.problem).toMatch(/no bytes/);
  });
});

describe('identifyExecutable on synthetic headers (no real file of these kinds on npm)', () => {
  // Synthetic: built here from the Mach-O header layout (mach-o/loader.h, mach-o/fat.h).
  it('reads big-endian thin Mach-O (0xfeedfacf) and 32-bit little-endian (0xcefaedfe)', () => {
    const be64 = new Uint8Array([0xfe, 0xed, 0xfa, 0xcf, 0x01, 0x00, 0x00, 0x0c, 0, 0, 0, 0]);
    expect(identifyExecutable(be64)).toEqual({ format: 'macho', cpus: ['arm64'] });
    const le32 = new Uint8Array([0xce, 0xfa, 0xed, 0xfe, 0x07, 0x00, 0x00, 0x00, 0, 0, 0, 0]);
    expect(identifyExecutable(le32)).toEqual({ format: 'macho', cpus: ['i386'] });
    const ppc = new Uint8Array([0xfe, 0xed, 0xfa, 0xce, 0x00, 0x00, 0x00, 0x12]);
    expect(identifyExecutable(ppc)).toEqual({ format: 'macho', cpus: ['other'], rawCpu: '0x12' });
  });

  it('reads a fat64 universal header (0xcafebabf, 32-byte entries)', () => {
    const fat64 = new Uint8Array(8 + 2 * 32);
    const view = new DataView(fat64.buffer);
    view.setUint32(0, 0xcafebabf);
    view.setUint32(4, 2);
    view.setUint32(8, 0x0100000c);
    view.setUint32(8 + 32, 0x01000007);
    expect(identifyExecutable(fat64)).toEqual({ format: 'macho-universal', cpus: ['arm64', 'x86_64'] });
  });

  it('lists each CPU once in a universal binary holding arm64 and arm64e', () => {
    const fat = new Uint8Array(8 + 2 * 20);
    const view = new DataView(fat.buffer);
    view.setUint32(0, 0xcafebabe);
    view.setUint32(4, 2);
    view.setUint32(8, 0x0100000c);
    view.setUint32(12, 0);
    view.setUint32(28, 0x0100000c);
    view.setUint32(32, 2); // arm64e subtype
    expect(identifyExecutable(fat).cpus).toEqual(['arm64']);
  });
});
