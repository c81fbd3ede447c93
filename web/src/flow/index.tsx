// The reference applicant-to-decision flow (branch i24-flow replaces this stub). Mounted by the
// router at /console/flow/* and loaded lazily: export a default component holding its own <Routes>.
export default function Flow() {
  return (
    <>
      <h1>申请到决定（参考流程）</h1>
      <p className="notice">待完成：参考流程正在另一分支开发。</p>
    </>
  );
}
