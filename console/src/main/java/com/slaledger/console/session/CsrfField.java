package com.slaledger.console.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The CSRF token of this request's session, for the pages' forms: {@code <input type="hidden"
 * name="csrf" value="{inject:csrf.value}">} (empty without a session: such a form is refused).
 */
@Named("csrf")
@RequestScoped
public class CsrfField {

    @Inject
    HttpHeaders headers;

    @Inject
    Sessions sessions;

    public String value() {
        Cookie cookie = headers.getCookies().get(Session.COOKIE);
        String csrf = cookie == null ? null : sessions.csrf(cookie.getValue());
        return csrf == null ? "" : csrf;
    }
}
