/**
 * The demo story's pieces (demo/story.js) for the site's pages, as `story`: the front page's gallery writes them as the
 * demo pages and the examples do, so a change to the story shows everywhere.
 */
import * as story from '../../demo/story.js';

export default { ...story, factList: story.factList('  '), badgeAttributes: story.badgeAttributes() };
