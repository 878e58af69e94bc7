package com.slaledger.support.rest;

import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SPEC §11 paging: limit and offset checked, one page cut, a next link while more remain. */
class PagingTest {

    @Test
    void defaultsAndBounds() {
        assertThat(Paging.of(null, null)).isEqualTo(new Paging(100, 0));
        assertThat(Paging.of("1000", "5")).isEqualTo(new Paging(1000, 5));
        for (String bad : new String[] {"0", "1001", "-1", "ten"}) {
            assertThatThrownBy(() -> Paging.of(bad, null))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(
                                    e.toProblem("/x").violations())
                            .extracting(Violation::field)
                            .containsExactly("limit"));
        }
        assertThatThrownBy(() -> Paging.of(null, "-1")).isInstanceOfSatisfying(ProblemException.class, e -> assertThat(
                        e.toProblem("/x").violations())
                .extracting(Violation::field)
                .containsExactly("offset"));
    }

    @Test
    void aSliceHasANextLinkOnlyWhileMoreRemain() {
        List<Integer> all = IntStream.range(0, 5).boxed().toList();
        var page = Paging.of("2", "2").slice(all, i -> i, uri("http://h/api/v1/contracts?limit=2&offset=2"));
        assertThat(entity(page)).containsExactly(2, 3);
        assertThat(page.getLink("next").getUri().toString())
                .contains("offset=4")
                .contains("limit=2");
        var last = Paging.of("2", "4").slice(all, i -> i, uri("http://h/api/v1/contracts?limit=2&offset=4"));
        assertThat(entity(last)).containsExactly(4);
        assertThat(last.getLink("next")).isNull();
        var beyond = Paging.of("2", "9").slice(all, i -> i, uri("http://h/api/v1/contracts?offset=9"));
        assertThat(entity(beyond)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> entity(jakarta.ws.rs.core.Response r) {
        return (List<Integer>) r.getEntity();
    }

    private static UriInfo uri(String text) {
        return (UriInfo) java.lang.reflect.Proxy.newProxyInstance(
                PagingTest.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getRequestUriBuilder")) {
                        return UriBuilder.fromUri(URI.create(text));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
