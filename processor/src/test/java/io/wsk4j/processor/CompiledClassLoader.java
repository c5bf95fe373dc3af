package io.wsk4j.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Loads the classes of an in-memory compilation; everything else (runtime, test helpers) from the test loader. */
final class CompiledClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes = new HashMap<>();

    CompiledClassLoader(Compilation compilation) {
        super(CompiledClassLoader.class.getClassLoader());
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String path = file.toUri().getPath();
            String relative = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length());
            String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
            try (InputStream in = file.openInputStream()) {
                classes.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
