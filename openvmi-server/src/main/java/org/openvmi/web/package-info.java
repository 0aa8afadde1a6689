/**
 * The UI shell: layout, navigation, language switching, login page and the home page.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "catalog",
            "consignment",
            "consignment :: status",
            "inventory",
            "inventory :: status",
            "planning",
            "planning :: status",
            "procurement",
            "procurement :: status",
            "rules",
            "security",
            "shared",
            "stockpolicy"
        })
package org.openvmi.web;
