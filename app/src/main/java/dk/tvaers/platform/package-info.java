/**
 * The platform: the DKFDS layout and navigation, security, i18n, error pages, paging and the database
 * bootstrap. Small and shared by all feature modules; it depends on none of them.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dk.tvaers.platform;
