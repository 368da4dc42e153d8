// Package clean turns a page's source into the article body as text blocks:
// for HTML it finds the main content and drops menus, asides, related links,
// footers, scripts and comments; for all text it then drops page-furniture
// lines in every language (related-link lines, share/follow/comment/cookie
// lines, view counters, photo credits, spam link runs) and collapses repeated
// headlines and paragraphs. Each block keeps its offset in the source when
// one exists. It knows nothing about events.
package clean
