/**
 * Value types shared by all modules (sectors, regions, roles). No beans live here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dk.tvaers.shared;
