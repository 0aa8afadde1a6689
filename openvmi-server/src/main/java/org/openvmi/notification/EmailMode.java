package org.openvmi.notification;

/** How a user gets alerts by e-mail: one mail per alert, one mail per digest period, or none. */
public enum EmailMode {
    IMMEDIATE,
    DIGEST,
    OFF
}
