import type { ManifestOptions } from 'vite-plugin-pwa';

/** The web app manifest: Vietnamese first, since most trainees' phones are set to Vietnamese. */
export const appManifest: Partial<ManifestOptions> = {
  name: 'Học Chính phủ số',
  short_name: 'Học CPS',
  description: 'Khóa học Chính phủ điện tử cho chuyên gia nòng cốt, học được cả khi không có mạng.',
  lang: 'vi',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  id: '/',
  display: 'standalone',
  orientation: 'portrait',
  theme_color: '#b3261e',
  background_color: '#fffaf3',
  categories: ['education', 'government'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
