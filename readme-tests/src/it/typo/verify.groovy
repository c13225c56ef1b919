def log = new File(basedir, 'build.log').text
assert log =~ /Shop\.java:\[12,\d+\] \[Spanwise:NEAR_MISS\] .*'gen_ai\.usage\.total_token'; did you mean 'gen_ai\.usage\.total_tokens'\?/
return true
