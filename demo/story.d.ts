// Types of demo/story.js, the story's pieces, for the TypeScript tests that build fixtures from them.

export declare const headline: string;
export declare const photo: { image: string; alt: string; caption: string; credit: string };
export declare const factBox: { heading: string; source: string; updated: string; facts: string[] };
export declare const cluster: { name: string; shortName: string; level: string; partners: number; since: number; region: string; href: string; leader: string; chair: string };
export declare const signup: { heading: string; text: string };

export interface StoryCard {
  slug: string;
  kicker: string;
  published: string;
  updated?: string;
  byline?: string;
  sponsor?: string;
  image: string;
  headline: string;
  lead: string;
  mention?: string;
}
export declare const cards: Record<'story' | 'smelteverk' | 'havbruk' | 'mo', StoryCard>;

export declare function factList(indent?: string): string;
export declare function clusterFacts(indent?: string): string;
export declare function badgeAttributes(): string;
