package org.openvmi.notification;

import org.openvmi.testsupport.PostgresTest;

@PostgresTest
class NotificationsOnPostgresIT extends NotificationContract {}
