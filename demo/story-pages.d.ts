// Types of demo/story-pages.js, which writes the story's pieces into the demo pages.

export declare function fillStory(html: string): string;
export declare const PAGES: string[];
