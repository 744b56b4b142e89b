package dk.tvaers.platform.web;

import java.util.List;

/** Implemented by each module that adds entries to the main navigation. */
public interface NavigationContributor {

    List<NavigationItem> navigationItems();
}
