/**
 * Case catalogue: cases of good practice with the standard sections, every saved version kept, five-parameter
 * assessments shown as a spider chart, the public searchable catalogue with PDF/Excel/CSV exports, and stories
 * (historiekatalog). {@link dk.tvaers.catalog.CaseCatalog#similarTo} answers "is this done somewhere already?".
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package dk.tvaers.catalog;
