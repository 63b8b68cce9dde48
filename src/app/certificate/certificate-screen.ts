// The certificate screen in its own lazy chunk, with the QR code library and the bilingual
// strings: nothing of it loads before a trainee opens it.
export { CertificatePage } from './CertificatePage.tsx';
