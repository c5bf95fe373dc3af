module com.example.echo {
    requires io.wsk4j;
    requires static io.wsk4j.annotations; // CLASS retention: needed to compile, absent at run time
    requires static java.compiler;        // only so that the generated classes carry @Generated
}
