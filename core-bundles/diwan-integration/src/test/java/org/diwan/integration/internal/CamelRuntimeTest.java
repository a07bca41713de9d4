package org.diwan.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.SimpleRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CamelRuntimeTest {

    private final SimpleRegistry services = new SimpleRegistry();
    private final CamelRuntime runtime = new CamelRuntime(services, getClass().getClassLoader(), Duration.ofSeconds(2),
            false, null);

    @AfterEach
    void stopCamel() {
        if (runtime.context().isStarted()) {
            runtime.close();
        }
    }

    @Test
    void namesTheContextAndItsThreadsDiwan() throws Exception {
        runtime.context().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:name?delay=0&repeatCount=1").setBody(simple("${threadName}")).to("seda:thread");
            }
        });

        String thread = runtime.context().createConsumerTemplate().receiveBody("seda:thread", 10_000, String.class);

        assertThat(runtime.context().getName()).isEqualTo("diwan");
        assertThat(thread).startsWith("Camel (diwan) thread");
    }

    @Test
    void looksBeansUpAmongServicesBeforeCamelsOwnRegistry() {
        services.bind("clerk", "the service");
        runtime.context().getRegistry().bind("clerk", "camel's bean");
        runtime.context().getRegistry().bind("archive", "camel's only");

        assertThat(runtime.context().getRegistry().lookupByName("clerk")).isEqualTo("the service");
        assertThat(runtime.context().getRegistry().lookupByName("archive")).isEqualTo("camel's only");
        assertThat(runtime.context().getRegistry().lookupByName("nobody")).isNull();
    }

    @Test
    void usesTheGivenClassLoaderAsCamelsApplicationClassLoader() {
        assertThat(runtime.context().getApplicationContextClassLoader()).isSameAs(getClass().getClassLoader());
    }

    @Test
    void readsListsOfTheConfigurationWrittenEitherWay() {
        assertThat(CamelRuntime.list(new String[] {"timer, log,seda", ""})).containsExactly("timer", "log", "seda");
        assertThat(CamelRuntime.list(new String[] {"timer", "log"})).containsExactly("timer", "log");
        assertThat(CamelRuntime.list(new String[0])).isEmpty();
    }

    @Test
    void stopsTheContextWhenClosed() {
        runtime.close();

        assertThat(runtime.context().getStatus()).isEqualTo(ServiceStatus.Stopped);
    }
}
