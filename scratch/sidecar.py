import re,subprocess,sys,json
for name in sys.argv[1:]:
    f=f'tests/fixtures/invalid/{name}.json'
    out=subprocess.run(['./target/debug/jointwatch','validate',f],capture_output=True,text=True).stdout+subprocess.run(['./target/debug/jointwatch','validate',f],capture_output=True,text=True).stderr
    rows=[]
    for line in out.splitlines():
        m=re.match(r'^'+re.escape(f)+r'(?::(\d+):(\d+))?: ([^ ]*): (error|warning)\[([a-z0-9-]+)\]',line)
        if not m: continue
        r={"code":m.group(5),"path":m.group(3).rstrip(':') if m.group(3)!=':' else "","severity":m.group(4)}
        if m.group(1): r["line"]=int(m.group(1)); r["column"]=int(m.group(2))
        rows.append(r)
    s='{\n  "findings": [\n'+',\n'.join('    '+json.dumps(r) for r in rows)+'\n  ]\n}\n'
    open(f.replace('.json','.expected.json'),'w').write(s)
    print(name,len(rows))
