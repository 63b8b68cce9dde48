import { correction, generate } from 'lean-qr';
import { toSvgPath } from 'lean-qr/extras/svg';

const QUIET_ZONE = 4; // modules of white around the code, as the QR standard asks

/** `text` as a QR code in SVG (lean-qr draws the path; Preact draws the element, so no markup is injected). */
export function QrCode({ text, label }: { text: string; label: string }) {
  // Medium error correction: a sheet folded once or printed on a tired printer still scans.
  const code = generate(text, { minCorrectionLevel: correction.M });
  const size = code.size + 2 * QUIET_ZONE;
  return (
    <svg class="qr" viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${size} ${size}`} role="img" aria-label={label} shape-rendering="crispEdges">
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={size} height={size} fill="#fff" />
      <path d={toSvgPath(code)} fill="#000" />
    </svg>
  );
}
