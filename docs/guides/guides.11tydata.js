/**
 * Every Markdown file in docs/guides/ is a guide page: plain CommonMark with a level-1 heading, no front matter
 * needed. Its title is that heading; `getting-started.md` becomes `getting-started.html` beside the other pages.
 */
import { readFileSync } from 'node:fs';

export default {
  layout: 'guide.njk',
  permalink: (data) => `${data.page.fileSlug}.html`,
  eleventyComputed: {
    title: (data) => /^#\s+(.+)$/m.exec(readFileSync(data.page.inputPath, 'utf8'))?.[1].replace(/`/g, '') ?? data.page.fileSlug,
  },
};
