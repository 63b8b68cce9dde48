import { toSvgPath } from 'lean-qr/extras/svg';
import { correction, generate } from 'lean-qr/nano';
import { useMemo } from 'preact/hooks';

/**
 * A QR code for `text`, drawn as one SVG path: sharp at any print size, no image to fetch, and
 * no inline markup (the CSP allows none). Error correction M (15% of the code may be dirty or
 * folded) on a printed certificate; a link of about 900 characters makes a 117-module code.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => {
    const code = generate(text, { minCorrectionLevel: correction.M });
    return { size: code.size, path: toSvgPath(code) };
  }, [text]);
  // A quiet zone of four modules, as the standard asks, in white whatever the theme.
  return (
    <svg class="qr-code" viewBox={`-4 -4 ${size + 8} ${size + 8}`} role="img" aria-label={label} data-modules={size}>
      <rect x={-4} y={-4} width={size + 8} height={size + 8} fill="#fff" />
      <path d={path} fill="#000" shape-rendering="crispEdges" />
    </svg>
  );
}
