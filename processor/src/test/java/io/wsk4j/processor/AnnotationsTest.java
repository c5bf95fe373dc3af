package io.wsk4j.processor;

import static com.google.common.truth.Truth.assertThat;

import io.wsk4j.annotations.OnAcceptComplete;
import io.wsk4j.annotations.OnAcceptEvent;
import io.wsk4j.annotations.OnAddressComplete;
import io.wsk4j.annotations.OnAddressInfoComplete;
import io.wsk4j.annotations.OnCloseComplete;
import io.wsk4j.annotations.OnConnectComplete;
import io.wsk4j.annotations.OnDisconnectComplete;
import io.wsk4j.annotations.OnDisconnectEvent;
import io.wsk4j.annotations.OnListenComplete;
import io.wsk4j.annotations.OnOptionComplete;
import io.wsk4j.annotations.OnReceiveComplete;
import io.wsk4j.annotations.OnReceiveEvent;
import io.wsk4j.annotations.OnReceiveFromComplete;
import io.wsk4j.annotations.OnReceiveFromEvent;
import io.wsk4j.annotations.OnSendComplete;
import io.wsk4j.annotations.OnSendToComplete;
import io.wsk4j.annotations.WskGenerated;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnnotationsTest {
    private static final List<Class<?>> HANDLER_ANNOTATIONS = List.of(OnConnectComplete.class, OnSendComplete.class,
            OnReceiveComplete.class, OnDisconnectComplete.class, OnCloseComplete.class, OnAddressComplete.class,
            OnListenComplete.class,
            OnAcceptComplete.class, OnSendToComplete.class, OnReceiveFromComplete.class,
            OnAddressInfoComplete.class, OnOptionComplete.class,
            OnReceiveEvent.class,
            OnDisconnectEvent.class, OnAcceptEvent.class, OnReceiveFromEvent.class);

    @Test
    @DisplayName("P1 every handler annotation is in io.wsk4j.annotations, CLASS retention, on methods only")
    void handlerAnnotations() {
        for (Class<?> annotation : HANDLER_ANNOTATIONS) {
            assertThat(annotation.getPackageName()).isEqualTo("io.wsk4j.annotations");
            assertThat(annotation.getAnnotation(Retention.class).value()).isEqualTo(RetentionPolicy.CLASS);
            assertThat(annotation.getAnnotation(Target.class).value()).asList().containsExactly(ElementType.METHOD);
        }
    }

    @Test
    @DisplayName("P8 the @WskGenerated marker is CLASS retention, on types")
    void generatedMarker() {
        assertThat(WskGenerated.class.getAnnotation(Retention.class).value()).isEqualTo(RetentionPolicy.CLASS);
        assertThat(WskGenerated.class.getAnnotation(Target.class).value()).asList().containsExactly(ElementType.TYPE);
    }

    @Test
    @DisplayName("P1 the processor's annotation names are the real annotations' names, in the same order")
    void processorKnowsEveryAnnotation() {
        List<String> names = new java.util.ArrayList<>();
        for (Operation operation : Operation.values()) {
            names.add(operation.annotationName());
        }
        List<String> real = new java.util.ArrayList<>();
        for (Class<?> annotation : HANDLER_ANNOTATIONS) {
            real.add(annotation.getCanonicalName());
        }
        assertThat(names).containsExactlyElementsIn(real).inOrder();
    }
}
