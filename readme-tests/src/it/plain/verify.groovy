// Not in the README: runs the README's launch command (run.sh, extracted from it) in the built
// project, and checks that it ran and that the weaver (for the agent) or ajc (at build time) put
// SpanAspect around Checkout.charge.
def command = ['bash', new File(basedir, 'run.sh').path]
def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true)
def env = process.environment()
env.put('PATH', System.getProperty('java.home') + '/bin' + File.pathSeparator + env.get('PATH'))
env.remove('SENTRY_DSN')
// The load-time weaver reports each woven join point; ajc's classes are checked below instead.
env.put('JAVA_TOOL_OPTIONS', '-Dorg.aspectj.weaver.showWeaveInfo=true -Daj.weaving.verbose=true')
def started = process.start()
def output = started.inputStream.text
def exit = started.waitFor()
println output
assert exit == 0 : "run.sh exited with ${exit}"
assert output.contains('charged 500')
if (basedir.name == 'agent') {
  assert output =~ /Join point 'method-execution\(long com\.example\.shop\.Checkout\.charge\(.*advised by around advice from 'dev\.spanwise\.aspect\.SpanAspect'/
} else {
  // Woven by ajc: the class calls the aspect itself.
  def woven = new File(basedir, 'target/classes/com/example/shop/Checkout.class').bytes
  assert new String(woven, 'ISO-8859-1').contains('dev/spanwise/aspect/SpanAspect')
}
return true
