import { render } from 'preact';
import { OfficeApp } from './App.tsx';
import { initI18n } from './i18n.ts';
import './office.css';

void initI18n().then(() => render(<OfficeApp />, document.getElementById('office')!));
