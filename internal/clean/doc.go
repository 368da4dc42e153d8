// Package clean turns a page's source into the article body as text blocks:
// for HTML it finds the main content and drops menus, asides, related links,
// footers, scripts and comments; for all text it then drops page-furniture
// lines in every language (related-link lines, share/follow/comment/cookie
// lines, view counters, photo credits, spam link runs) and collapses repeated
// headlines and paragraphs. A long block (a page without line breaks) is
// judged sentence by sentence. Look-alike letters of another script inside
// a word are written in the word's own script. HTML is read into a tree by
// a builder on the tokenizer that keeps only what the reader looks at
// (furniture's text is never stored) and makes the parser's common repairs;
// a page that needs one of the parser's rarer repairs (misnested formatting
// elements, content moved out of tables, forms, selects) is read by the
// parser instead, so that both read a page alike. Nesting past 512 levels
// is kept flat, and a page whose tree holds no text is read tag by tag,
// each reported in the page's warnings. A page without an <h1> gets its og:title or <title>,
// less the site name, as its headline. Each block keeps its offset in the
// source when its text is unchanged. It knows nothing about events.
package clean
