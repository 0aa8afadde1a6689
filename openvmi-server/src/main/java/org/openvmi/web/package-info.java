/**
 * The UI shell: layout, navigation, language switching, login page and the home page.
 */
package org.openvmi.web;
