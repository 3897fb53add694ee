/**
 * fjord-elements: Lit custom elements for editorial sites. Importing this module registers every widget.
 */
export { FjordPhoto, splitCredit } from './photo/photo.js';
export { FjordClusterBadge, type ClusterLevel } from './cluster-badge/cluster-badge.js';
export { FjordFactBox, type FjordFactBoxToggleDetail } from './fact-box/fact-box.js';
export { FjordArticleCard, type FjordCardImpressionDetail } from './article-card/article-card.js';
export { FjordNewsletterSignup, type FjordSignupPayload, type FjordSignupResult } from './newsletter-signup/newsletter-signup.js';
export { renderAll } from './shared/defer.js';
