package org.openvmi.security.internal;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class OpenVmiUserDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final Clock clock;

    OpenVmiUserDetailsService(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username, clock.instant())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
