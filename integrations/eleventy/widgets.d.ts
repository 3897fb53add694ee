import type { WidgetShortcode } from './index.js';
export declare const widgets: WidgetShortcode[];
export declare const globalAttributes: string[];
