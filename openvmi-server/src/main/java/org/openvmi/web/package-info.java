/**
 * The UI shell: layout, navigation, language switching, login page and the home page.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "catalog",
            "consignment",
            "inventory",
            "planning",
            "procurement",
            "rules",
            "security",
            "shared",
            "stockpolicy"
        })
package org.openvmi.web;
