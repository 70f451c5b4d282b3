import { describe, expect, it } from 'vitest';
import { classifyAddress, parseIpLiteral } from './address.ts';
import { createAllowList } from './allow.ts';
import { checkResolved, checkUrl, guardedLookup } from './guard.ts';

describe('parseIpLiteral', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['0x7f.0.0.1', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['017700000001', '127.0.0.1'],
    ['[::1]', '::1'],
    ['[::ffff:127.0.0.1]', '127.0.0.1'],
    ['::ffff:7f00:1', '127.0.0.1'],
    ['169.254.169.254.', '169.254.169.254'],
  ])('%s names %s', (spelling, canonical) => {
    expect(parseIpLiteral(spelling)).toBe(canonical);
  });

  it.each(['example.com', 'localhost', '1.2.3.4.5', '', 'h001.bench.test'])('%s is not an IP literal', (host) => {
    expect(parseIpLiteral(host)).toBeNull();
  });
});

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['2130706433', 'loopback'],
    ['0177.0.0.1', 'loopback'],
    ['0x7f.1', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.1.1', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['0.0.0.0', 'unspecified'],
    ['0', 'unspecified'],
    ['::', 'unspecified'],
    ['192.0.2.10', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['fc00::1', 'uniqueLocal'],
    ['169.254.169.254', 'cloudMetadata'],
    ['fd00:ec2::254', 'cloudMetadata'],
    ['100.100.100.200', 'cloudMetadata'],
    ['64:ff9b::7f00:1', 'embeddedIpv4'],
    ['64:ff9b::a00:1', 'embeddedIpv4'],
    ['2002:7f00:1::', 'embeddedIpv4'],
    ['2001:0::1', 'other'],
    ['not-an-ip', 'other'],
  ])('%s is %s', (ip, range) => {
    expect(classifyAddress(ip)).toBe(range);
  });

  it.each(['8.8.8.8', '1.1.1.1', '93.184.215.14', '2606:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808'])('%s is public', (ip) => {
    expect(classifyAddress(ip)).toBeNull();
  });
});

describe('checkUrl', () => {
  const none = createAllowList([]);

  it.each([
    'http://127.0.0.1/feed',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://0177.0.0.1/',
    'http://0x7f.1/',
    'http://127.1/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[fd00:ec2::254]/',
    'http://10.0.0.5:8080/',
    'http://0.0.0.0/',
    'https://192.168.0.1./',
  ])('refuses %s', (url) => {
    expect(() => checkUrl(url, none)).toThrow(expect.objectContaining({ code: 'fetch_blocked' }));
  });

  it.each(['ftp://example.com/x', 'file:///etc/passwd', 'gopher://example.com/', 'javascript:alert(1)', 'data:text/plain,hi', 'not a url'])(
    'refuses %s by scheme or syntax',
    (url) => {
      expect(() => checkUrl(url, none)).toThrow(expect.objectContaining({ code: 'fetch_blocked' }));
    },
  );

  it('accepts public literals and host names (names are checked at DNS time)', () => {
    expect(checkUrl('https://8.8.8.8/', none).hostname).toBe('8.8.8.8');
    expect(checkUrl('https://news.example.com/feed', none).hostname).toBe('news.example.com');
  });

  it('says what was refused and how to allow it', () => {
    expect(() => checkUrl('http://127.0.0.1:3000/', none)).toThrow(/127\.0\.0\.1 is a loopback address \(add it to TICKERWIRE_ALLOW_HOSTS/);
    expect(() => checkUrl('file:///etc/passwd', none)).toThrow(/file: URLs are not fetched/);
  });

  it('lets allowlisted hosts and ranges through', () => {
    const allow = createAllowList(['127.0.0.1', '::1', '10.0.0.0/8', 'demo.local']);
    expect(checkUrl('http://127.0.0.1:4000/', allow).port).toBe('4000');
    expect(checkUrl('http://[::1]/', allow).hostname).toBe('[::1]');
    expect(checkUrl('http://10.2.3.4/', allow).hostname).toBe('10.2.3.4');
    expect(checkUrl('http://2130706433/', allow).hostname).toBe('127.0.0.1');
    expect(() => checkUrl('http://127.0.0.2/', allow)).toThrow(/loopback/);
    expect(() => checkUrl('http://192.168.1.1/', allow)).toThrow(/private/);
  });
});

describe('checkResolved (DNS answers)', () => {
  const none = createAllowList([]);
  const v4 = (address: string) => ({ address, family: 4 });

  it('refuses a name resolving to a private address, naming both', () => {
    expect(() => checkResolved('internal.example', [v4('10.1.1.1')], none)).toThrow('internal.example resolves to 10.1.1.1, a private-network address');
  });

  it('refuses a name when any of its answers is non-public', () => {
    expect(() => checkResolved('mixed.example', [v4('8.8.8.8'), v4('127.0.0.1')], none)).toThrow(/loopback/);
  });

  it('accepts public answers, allowlisted names and allowlisted addresses', () => {
    expect(() => checkResolved('ok.example', [v4('8.8.4.4')], none)).not.toThrow();
    expect(() => checkResolved('demo.local', [v4('127.0.0.1')], createAllowList(['demo.local']))).not.toThrow();
    expect(() => checkResolved('h001.bench.test', [v4('127.0.0.1')], createAllowList(['127.0.0.0/8']))).not.toThrow();
    expect(() => checkResolved('v6.example', [{ address: '::ffff:127.0.0.1', family: 6 }], createAllowList(['127.0.0.1']))).not.toThrow();
  });

  it('rejects a malformed CIDR entry clearly', () => {
    expect(() => createAllowList(['10.0.0.0/99'])).toThrow(expect.objectContaining({ code: 'config_invalid' }));
  });
});

describe('guardedLookup (undici connect.lookup)', () => {
  const resolver = async (host: string) =>
    host === 'dual.example'
      ? [
          { address: '2606:4700::1111', family: 6 },
          { address: '1.1.1.1', family: 4 },
        ]
      : host === 'inside.example'
        ? [{ address: '192.168.10.10', family: 4 }]
        : [];
  const lookup = guardedLookup(createAllowList([]), resolver);
  const call = (host: string, options: { all?: boolean; family?: number }) =>
    new Promise<{ err: NodeJS.ErrnoException | null; address: unknown; family: unknown }>((resolve) => {
      lookup(host, options, (err, address, family) => resolve({ err, address, family }));
    });

  it('answers one address, or all of them, as Node asks', async () => {
    expect(await call('dual.example', {})).toEqual({ err: null, address: '2606:4700::1111', family: 6 });
    expect(await call('dual.example', { family: 4 })).toEqual({ err: null, address: '1.1.1.1', family: 4 });
    const all = await call('dual.example', { all: true });
    expect(all.address).toHaveLength(2);
  });

  it('fails a non-public answer with fetch_blocked and an empty answer with ENOTFOUND', async () => {
    const blocked = await call('inside.example', { all: true });
    expect(blocked.err).toMatchObject({ code: 'fetch_blocked', message: /inside\.example resolves to 192\.168\.10\.10, a private-network address/ });
    expect((await call('nothing.example', {})).err).toMatchObject({ code: 'ENOTFOUND' });
  });
});
