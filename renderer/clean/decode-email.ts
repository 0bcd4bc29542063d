/**
 * Decodes Cloudflare's e-mail protection (`data-cfemail`): hex bytes, the first a key XORed with
 * every other, giving the address's UTF-8. The page showed the address once Cloudflare's script ran;
 * an archive has no script, so the renderer writes the address itself. Undefined if it does not decode.
 */
export function decodeCloudflareEmail(hex: string): string | undefined {
  if (!/^(?:[0-9a-f]{2}){2,}$/i.test(hex)) return undefined;
  const bytes = hex.match(/../g)?.map((pair) => parseInt(pair, 16)) ?? [];
  const [key = 0, ...rest] = bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(rest, (byte) => byte ^ key));
  } catch {
    return undefined;
  }
}
