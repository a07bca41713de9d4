package org.diwan.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;

import org.apache.shiro.SecurityUtils;
import org.apache.shiro.UnavailableSecurityManagerException;
import org.apache.shiro.mgt.DefaultSecurityManager;
import org.apache.shiro.subject.Subject;
import org.junit.jupiter.api.Test;

/**
 * The start-up race seen in CI: servlets asked Shiro for the visitor on a thread no filter had prepared yet, and
 * every page answered 500. The subject the decision was taken on is now bound by the decision itself.
 */
class RequestSubjectTest {

    @Test
    void aServletReachedRightAfterTheDecisionFindsTheVisitorWithNoFilterInBetween() {
        assertThatThrownBy(SecurityUtils::getSubject).isInstanceOf(UnavailableSecurityManagerException.class);
        Subject visitor = new Subject.Builder(new DefaultSecurityManager()).buildSubject();
        HttpServletRequest request = request();

        RequestSubject.bind(request, visitor);

        assertThat(SecurityUtils.getSubject()).isSameAs(visitor);
        RequestSubject.release(request);
    }

    @Test
    void theThreadGoesBackToThePoolWithoutTheVisitor() {
        Subject visitor = new Subject.Builder(new DefaultSecurityManager()).buildSubject();
        HttpServletRequest request = request();
        RequestSubject.bind(request, visitor);

        RequestSubject.release(request);
        RequestSubject.release(request); // a second end of the same request changes nothing

        assertThatThrownBy(SecurityUtils::getSubject).isInstanceOf(UnavailableSecurityManagerException.class);
    }

    @Test
    void aNestedDispatchGivesTheOuterRequestItsVisitorBack() {
        Subject outer = new Subject.Builder(new DefaultSecurityManager()).buildSubject();
        Subject inner = new Subject.Builder(new DefaultSecurityManager()).buildSubject();
        HttpServletRequest first = request();
        HttpServletRequest second = request();
        RequestSubject.bind(first, outer);
        RequestSubject.bind(second, inner);

        RequestSubject.release(second);
        assertThat(SecurityUtils.getSubject()).isSameAs(outer);
        RequestSubject.release(first);
    }

    private static HttpServletRequest request() {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(RequestSubjectTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }
}
