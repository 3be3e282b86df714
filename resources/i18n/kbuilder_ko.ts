<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Actions</name>
    <message>
        <source>Clear the list</source>
        <translation>목록 지우기</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>최근 파일 없음</translation>
    </message>
</context>
<context>
    <name>CanvasScene</name>
    <message>
        <source>Move</source>
        <translation>이동</translation>
    </message>
    <message>
        <source>Move {n} layers</source>
        <translation>층 {n}개 이동</translation>
    </message>
</context>
<context>
    <name>CanvasView</name>
    <message>
        <source>Showing the top of the model at a readable size: scroll, or zoom out with the wheel, to see the rest</source>
        <translation>모델의 위쪽을 읽을 수 있는 크기로 보여 줍니다. 나머지를 보려면 스크롤하거나 마우스 휠로 축소하세요</translation>
    </message>
    <message>
        <source>The model: drag layers here from the palette, drag from a layer&apos;s bottom port to another layer&apos;s top port to connect them. Wheel zooms, middle button pans.</source>
        <translation>모델: 팔레트에서 층을 여기로 끌어 놓고, 한 층의 아래쪽 포트에서 다른 층의 위쪽 포트로 끌어서 연결합니다. 휠로 확대/축소하고, 가운데 버튼으로 화면을 이동합니다.</translation>
    </message>
    <message>
        <source>Drag a layer here from the Layers list
(start with an Input), or open a template: Ctrl+Shift+N</source>
        <translation>층 팔레트에서 층을 여기로 끌어 놓으세요
(Input부터 시작하세요). 또는 템플릿을 여세요: Ctrl+Shift+N</translation>
    </message>
</context>
<context>
    <name>CoachView</name>
    <message>
        <source>Overfitting</source>
        <translation>과대적합</translation>
    </message>
    <message>
        <source>Underfitting</source>
        <translation>과소적합</translation>
    </message>
    <message>
        <source>The learning rate is too high</source>
        <translation>학습률이 너무 큽니다</translation>
    </message>
    <message>
        <source>The learning rate is too low</source>
        <translation>학습률이 너무 낮음</translation>
    </message>
    <message>
        <source>Progress has stopped</source>
        <translation>진전 없음</translation>
    </message>
    <message>
        <source>&lt;b&gt;Coach:&lt;/b&gt; nothing to point out in the curves so far.</source>
        <translation>&lt;b&gt;코치:&lt;/b&gt; 지금까지 곡선에서 지적할 점이 없습니다.</translation>
    </message>
    <message>
        <source>The coach reads the curves after every epoch and says when something looks wrong</source>
        <translation>코치는 에포크마다 곡선을 읽고 이상해 보이는 점이 있으면 알려 줍니다</translation>
    </message>
    <message>
        <source>{title}, from epoch {epoch}.</source>
        <translation>{title}: {epoch}번째 에포크부터.</translation>
    </message>
    <message>
        <source>The coach&apos;s advice; the line on the curves marks epoch {epoch}</source>
        <translation>코치의 조언입니다. 곡선 위의 세로선이 에포크 {epoch} 위치를 표시합니다</translation>
    </message>
    <message>
        <source>The model has changed since this run: this edit was advised for the model as it was then. Train again to get advice for this one.</source>
        <translation>이 실행 이후 모델이 바뀌었습니다. 이 수정은 그때의 모델에 대한 조언이었습니다. 지금 모델에 대한 조언을 받으려면 다시 훈련하세요.</translation>
    </message>
    <message>
        <source>The training settings have changed since this run (this advice may already be applied). Train again to see what they do.</source>
        <translation>이 실행 이후 훈련 설정이 바뀌었습니다(이 조언이 이미 적용되었을 수 있습니다). 다시 훈련해서 효과를 확인하세요.</translation>
    </message>
    <message>
        <source>Could not apply it: {reason}</source>
        <translation>적용할 수 없습니다: {reason}</translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <source>Functional</source>
        <translation>함수형 API</translation>
    </message>
    <message>
        <source>keras.Model(inputs, outputs): any graph, branches and merges included</source>
        <translation>keras.Model(inputs, outputs): 갈라지고 합쳐지는 구조를 포함해 어떤 그래프든 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>Sequential</source>
        <translation>Sequential</translation>
    </message>
    <message>
        <source>keras.Sequential([...]): a single chain of layers, one input, one output</source>
        <translation>keras.Sequential([...]): 층이 한 줄로 이어진 모델로, 입력 하나와 출력 하나만 있습니다</translation>
    </message>
    <message>
        <source>Subclass</source>
        <translation>서브클래싱</translation>
    </message>
    <message>
        <source>class MyModel(keras.Model) with __init__ and call(): the style of research code</source>
        <translation>__init__과 call()을 정의한 class MyModel(keras.Model): 연구용 코드에서 흔히 쓰는 방식입니다</translation>
    </message>
    <message>
        <source>How the model is written: {styles}</source>
        <translation>모델을 작성하는 방식: {styles}</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy the code to the clipboard</source>
        <translation>코드를 클립보드에 복사합니다</translation>
    </message>
    <message>
        <source>Save as .py…</source>
        <translation>.py로 저장…</translation>
    </message>
    <message>
        <source>Save the code as a Python file you can run with `python file.py`</source>
        <translation>`python file.py`로 실행할 수 있는 Python 파일로 코드를 저장합니다</translation>
    </message>
    <message>
        <source>Style:</source>
        <translation>방식:</translation>
    </message>
    <message>
        <source>The Python code that builds this model with Keras (read-only)</source>
        <translation>Keras로 이 모델을 만드는 Python 코드 (읽기 전용)</translation>
    </message>
    <message>
        <source>Why the code cannot be written in this style</source>
        <translation>이 방식으로 코드를 작성할 수 없는 이유</translation>
    </message>
    <message>
        <source>The code could not be written: {error}</source>
        <translation>코드를 작성할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>No {style} code for this model.</source>
        <translation>이 모델은 {style} 방식의 코드로 작성할 수 없습니다.</translation>
    </message>
    <message>
        <source>Save the model&apos;s code</source>
        <translation>모델 코드 저장</translation>
    </message>
    <message>
        <source>Python files (*.py)</source>
        <translation>Python 파일 (*.py)</translation>
    </message>
    <message>
        <source>Save as .py</source>
        <translation>.py로 저장</translation>
    </message>
    <message>
        <source>Could not save the code: {error}</source>
        <translation>코드를 저장할 수 없습니다: {error}</translation>
    </message>
</context>
<context>
    <name>ConnectionDrag</name>
    <message>
        <source>{layer} is now input {n}</source>
        <translation>{layer}이(가) 이제 {n}번째 입력입니다</translation>
    </message>
    <message>
        <source>Move connection</source>
        <translation>연결 옮기기</translation>
    </message>
    <message>
        <source>Connected {src} → {dst} (input {n})</source>
        <translation>{src} → {dst}을(를) 연결했습니다 ({n}번째 입력)</translation>
    </message>
    <message>
        <source>Connected {src} → {dst}</source>
        <translation>{src} → {dst}을(를) 연결했습니다</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>연결을 끊었습니다</translation>
    </message>
    <message>
        <source>Not connected: {reason}</source>
        <translation>연결하지 않았습니다: {reason}</translation>
    </message>
</context>
<context>
    <name>CurvesView</name>
    <message>
        <source>Curves appear here when training starts.</source>
        <translation>훈련을 시작하면 여기에 곡선이 나타납니다.</translation>
    </message>
    <message>
        <source>train (previous run)</source>
        <translation>훈련 (이전 실행)</translation>
    </message>
    <message>
        <source>validation (previous run)</source>
        <translation>검증 (이전 실행)</translation>
    </message>
    <message>
        <source>output {name}</source>
        <translation>출력 {name}</translation>
    </message>
    <message>
        <source>total loss</source>
        <translation>전체 손실</translation>
    </message>
    <message>
        <source>train (batches)</source>
        <translation>훈련 (배치)</translation>
    </message>
    <message>
        <source>train</source>
        <translation>훈련</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>The coach&apos;s advice points at epoch {epoch}</source>
        <translation>코치의 조언이 가리키는 에포크: {epoch}</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>mean absolute error</source>
        <translation>평균 절대 오차</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>평균 제곱 오차</translation>
    </message>
</context>
<context>
    <name>CustomCodeLoader</name>
    <message>
        <source>Load custom layer code</source>
        <translation>사용자 정의 층 코드 불러오기</translation>
    </message>
    <message>
        <source>Python files (*.py)</source>
        <translation>Python 파일 (*.py)</translation>
    </message>
    <message>
        <source>Run your code?</source>
        <translation>코드를 실행할까요?</translation>
    </message>
    <message>
        <source>Load and run it</source>
        <translation>불러와서 실행</translation>
    </message>
    <message>
        <source>Custom layer code not loaded</source>
        <translation>사용자 정의 층 코드를 불러오지 못했습니다</translation>
    </message>
    <message>
        <source>No custom layers</source>
        <translation>사용자 정의 층 없음</translation>
    </message>
    <message>
        <source>This model has no layer of a class of your own (when a model file uses one, kbuilder keeps that layer as a placeholder), so there is no code to load. Use this after opening a model saved with your own layer classes.</source>
        <translation>이 모델에는 직접 만든 클래스의 층이 없어서 불러올 코드가 없습니다(모델 파일이 그런 층을 쓰면 kbuilder는 그 층을 대체 층으로 남겨 둡니다). 직접 만든 층 클래스로 저장된 모델을 연 뒤에 사용하세요.</translation>
    </message>
    <message>
        <source>Nothing was loaded.</source>
        <translation>아무것도 불러오지 않았습니다.</translation>
    </message>
    <message>
        <source>Loading {name}…</source>
        <translation>{name} 불러오는 중…</translation>
    </message>
    <message>
        <source>{file} defines {defined}, but this model waits for {waiting}.</source>
        <translation>{file} 파일은 {defined}을(를) 정의하지만, 이 모델에 필요한 것은 {waiting}입니다.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Use your layer classes from {file}</source>
        <translation>{file}의 층 클래스 사용</translation>
    </message>
</context>
<context>
    <name>DataSection</name>
    <message>
        <source>Your CSV file…</source>
        <translation>내 CSV 파일…</translation>
    </message>
    <message>
        <source>Your NumPy file (.npz / .npy)…</source>
        <translation>내 NumPy 파일 (.npz / .npy)…</translation>
    </message>
    <message>
        <source>Your image folder…</source>
        <translation>내 이미지 폴더…</translation>
    </message>
    <message>
        <source>{title}  (bundled)</source>
        <translation>{title}  (내장)</translation>
    </message>
    <message>
        <source>{title}  (cached)</source>
        <translation>{title}  (내려받아 둠)</translation>
    </message>
    <message>
        <source>{title}  (downloads)</source>
        <translation>{title}  (내려받기 필요)</translation>
    </message>
    <message>
        <source>Bundled sets need no network; Keras sets are downloaded once and cached.</source>
        <translation>내장 데이터셋은 네트워크가 필요 없습니다. Keras 데이터셋은 한 번 내려받은 뒤 저장해 두고 다시 씁니다.</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>a .csv, .npz / .npy file or a folder of class sub-folders</source>
        <translation>.csv, .npz / .npy 파일 또는 클래스별 하위 폴더가 든 폴더</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Tick the column(s) or array(s) the model should predict; the others are inputs.</source>
        <translation>모델이 예측할 열이나 배열을 체크하세요. 나머지는 입력이 됩니다.</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>예측 대상</translation>
    </message>
    <message>
        <source>model&apos;s</source>
        <translation>모델 기준</translation>
    </message>
    <message>
        <source>Height the pictures are resized to; &quot;model&apos;s&quot;: the model&apos;s input height</source>
        <translation>그림을 맞출 높이입니다. &quot;모델 기준&quot;: 모델의 입력 높이</translation>
    </message>
    <message>
        <source>Width the pictures are resized to; &quot;model&apos;s&quot;: the model&apos;s input width</source>
        <translation>그림을 맞출 너비입니다. &quot;모델 기준&quot;: 모델의 입력 너비</translation>
    </message>
    <message>
        <source>as the model</source>
        <translation>모델과 같게</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>컬러</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>흑백</translation>
    </message>
    <message>
        <source>Colour or grey pictures; &quot;as the model&quot;: from its input&apos;s channels (1 grey, 3 colour)</source>
        <translation>컬러 또는 흑백 그림입니다. &quot;모델과 같게&quot;: 모델 입력의 채널 수를 따릅니다 (1이면 흑백, 3이면 컬러)</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>이미지 크기</translation>
    </message>
    <message>
        <source>Words kept</source>
        <translation>남길 단어 수</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>0 to 1</source>
        <translation>0에서 1 사이로</translation>
    </message>
    <message>
        <source>standardize (mean 0, std 1)</source>
        <translation>표준화 (평균 0, 표준편차 1)</translation>
    </message>
    <message>
        <source>Scale inputs</source>
        <translation>입력 스케일 조정</translation>
    </message>
    <message>
        <source>from the loss</source>
        <translation>손실에 맞춰</translation>
    </message>
    <message>
        <source>class numbers</source>
        <translation>클래스 번호</translation>
    </message>
    <message>
        <source>one-hot</source>
        <translation>원-핫 인코딩</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>레이블</translation>
    </message>
    <message>
        <source>Pad sequences to</source>
        <translation>시퀀스 패딩 길이</translation>
    </message>
    <message>
        <source>Validation part</source>
        <translation>검증 비율</translation>
    </message>
    <message>
        <source>empty: the validation part above</source>
        <translation>비워 두면 위의 검증 비율을 사용합니다</translation>
    </message>
    <message>
        <source>Validate on this file (same columns or arrays as the training file) instead of a part of the training data</source>
        <translation>훈련 데이터의 일부 대신 이 파일로 검증합니다 (훈련 파일과 같은 열이나 배열이어야 합니다)</translation>
    </message>
    <message>
        <source>Choose the validation file</source>
        <translation>검증 파일 선택</translation>
    </message>
    <message>
        <source>Validation file</source>
        <translation>검증 파일</translation>
    </message>
    <message>
        <source>Test part</source>
        <translation>테스트 비율</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>array (empty: automatic)</source>
        <translation>배열 (비우면 자동)</translation>
    </message>
    <message>
        <source>By name</source>
        <translation>이름으로 연결</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Image folder (one sub-folder per class)</source>
        <translation>이미지 폴더 (클래스마다 하위 폴더 하나)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>NumPy files (*.npz *.npy)</source>
        <translation>NumPy 파일 (*.npz *.npy)</translation>
    </message>
    <message>
        <source>Data file</source>
        <translation>데이터 파일</translation>
    </message>
    <message>
        <source>Ignored: validation comes from the validation file</source>
        <translation>사용하지 않음: 검증 데이터는 검증 파일에서 가져옵니다</translation>
    </message>
    <message>
        <source>The part of the training data kept aside to validate after each epoch</source>
        <translation>에포크마다 검증에 쓰려고 떼어 두는 훈련 데이터의 비율</translation>
    </message>
    <message>
        <source>input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>output</source>
        <translation>출력</translation>
    </message>
</context>
<context>
    <name>EdgeItem</name>
    <message>
        <source>Connection: click to select, Delete to remove</source>
        <translation>연결: 클릭하면 선택하고, Delete 키를 누르면 삭제합니다</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>Add {layer}</source>
        <translation>{layer} 추가</translation>
    </message>
    <message>
        <source>Added {name}</source>
        <translation>{name}을(를) 추가했습니다</translation>
    </message>
    <message>
        <source>Insert {layer}</source>
        <translation>{layer} 끼워 넣기</translation>
    </message>
    <message>
        <source>Inserted {name} between {src} and {dst}</source>
        <translation>{src}와(과) {dst} 사이에 {name}을(를) 끼워 넣었습니다</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>연결 끊기</translation>
    </message>
    <message>
        <source>Delete {n} connections</source>
        <translation>연결 {n}개 삭제</translation>
    </message>
    <message>
        <source>Copied 1 layer</source>
        <translation>층 1개를 복사했습니다</translation>
    </message>
    <message>
        <source>Copied {n} layers</source>
        <translation>층 {n}개를 복사했습니다</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>잘라내기</translation>
    </message>
    <message>
        <source>Cannot paste: {reason}.</source>
        <translation>붙여 넣을 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>붙여넣기</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>복제</translation>
    </message>
    <message>
        <source>Cannot paste: {reason}</source>
        <translation>붙여 넣을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>The layout is already tidy</source>
        <translation>배치가 이미 깔끔합니다</translation>
    </message>
    <message>
        <source>Auto layout</source>
        <translation>자동 배치</translation>
    </message>
    <message>
        <source>Rename layer</source>
        <translation>층 이름 바꾸기</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>새 이름:</translation>
    </message>
    <message>
        <source>Mark as output</source>
        <translation>출력으로 지정</translation>
    </message>
    <message>
        <source>Unmark output</source>
        <translation>출력 지정 해제</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <source>Unmark as model output</source>
        <translation>모델 출력 지정 해제</translation>
    </message>
    <message>
        <source>Mark as model output</source>
        <translation>모델 출력으로 지정</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Move input earlier</source>
        <translation>입력 순서를 앞으로</translation>
    </message>
    <message>
        <source>Move input later</source>
        <translation>입력 순서를 뒤로</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>모두 선택</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>창에 맞추기</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>연결 삭제</translation>
    </message>
</context>
<context>
    <name>ExperimentsPanel</name>
    <message>
        <source>Search</source>
        <translation>탐색</translation>
    </message>
    <message>
        <source>Try several values of the marked settings and keep the best</source>
        <translation>표시한 설정의 여러 값을 시도하고 최고 결과를 남깁니다</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>실행 비교</translation>
    </message>
    <message>
        <source>Overlay the curves of training runs and compare their figures</source>
        <translation>훈련 실행의 곡선을 겹쳐 그리고 수치를 비교합니다</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>Export Python code</source>
        <translation>Python 코드 내보내기</translation>
    </message>
    <message>
        <source>Python (*.py)</source>
        <translation>Python 파일 (*.py)</translation>
    </message>
    <message>
        <source>Cannot export the code</source>
        <translation>코드를 내보낼 수 없습니다</translation>
    </message>
    <message>
        <source>Could not write {name}: {error}</source>
        <translation>{name} 파일을 쓸 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Wrote {name}</source>
        <translation>{name} 파일을 저장했습니다</translation>
    </message>
    <message>
        <source>Export the Keras model</source>
        <translation>Keras 모델 내보내기</translation>
    </message>
    <message>
        <source>Keras model (*.keras);;HDF5 (*.h5)</source>
        <translation>Keras 모델 (*.keras);;HDF5 (*.h5)</translation>
    </message>
    <message>
        <source>Saving the trained model to {name}…</source>
        <translation>훈련된 모델을 {name}에 저장하는 중…</translation>
    </message>
    <message>
        <source>Building the model (TensorFlow may take a few seconds to load)…</source>
        <translation>모델을 만드는 중… (TensorFlow를 불러오는 데 몇 초 걸릴 수 있습니다)</translation>
    </message>
    <message>
        <source>Cannot export the model</source>
        <translation>모델을 내보낼 수 없습니다</translation>
    </message>
    <message>
        <source>Saved the trained model to {name}. It takes raw inputs (pictures with their own pixel values, a CSV&apos;s own columns): its data scaling is inside the model.</source>
        <translation>훈련된 모델을 {name}에 저장했습니다. 이 모델은 원본 입력(원래 픽셀 값 그대로의 이미지, CSV의 원래 열)을 그대로 받습니다. 데이터 스케일 조정이 모델 안에 들어 있습니다.</translation>
    </message>
    <message>
        <source>Saved the trained model to {name}. It takes its inputs as its Input layer does: choose the data set it was trained on in Train to put that scaling inside.</source>
        <translation>훈련된 모델을 {name}에 저장했습니다. 이 모델은 Input 층이 받는 형태 그대로 입력을 받습니다. 스케일 조정을 모델 안에 넣으려면 훈련 모드에서 이 모델을 훈련한 데이터셋을 선택하세요.</translation>
    </message>
    <message>
        <source>Saved the model to {name}</source>
        <translation>모델을 {name}에 저장했습니다</translation>
    </message>
    <message>
        <source>Export a Jupyter notebook</source>
        <translation>Jupyter 노트북 내보내기</translation>
    </message>
    <message>
        <source>Jupyter notebook (*.ipynb)</source>
        <translation>Jupyter 노트북 (*.ipynb)</translation>
    </message>
    <message>
        <source>Writing the notebook (the data is loaded and the model built first)…</source>
        <translation>노트북을 작성하는 중… (먼저 데이터를 불러오고 모델을 만듭니다)</translation>
    </message>
    <message>
        <source>Cannot export the notebook</source>
        <translation>노트북을 내보낼 수 없습니다</translation>
    </message>
    <message>
        <source>Export the diagram</source>
        <translation>다이어그램 내보내기</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 이미지 (*.png);;SVG 그림 (*.svg)</translation>
    </message>
    <message>
        <source>Cannot export the diagram</source>
        <translation>다이어그램을 내보낼 수 없습니다</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>Models (*.kbproj *.json *.h5 *.hdf5 *.keras saved_model.pb);;kbuilder projects (*.kbproj);;Keras models (*.json *.h5 *.hdf5 *.keras);;TensorFlow SavedModel (saved_model.pb);;All files (*)</source>
        <translation>모델 (*.kbproj *.json *.h5 *.hdf5 *.keras saved_model.pb);;kbuilder 프로젝트 (*.kbproj);;Keras 모델 (*.json *.h5 *.hdf5 *.keras);;TensorFlow SavedModel (saved_model.pb);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <source>{name} has changes that are not saved. Save them first?</source>
        <translation>&apos;{name}&apos;에 저장하지 않은 변경 사항이 있습니다. 먼저 저장할까요?</translation>
    </message>
    <message>
        <source>Don&apos;t save</source>
        <translation>저장 안 함</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>모델 열기</translation>
    </message>
    <message>
        <source>Open a TensorFlow SavedModel folder</source>
        <translation>TensorFlow SavedModel 폴더 열기</translation>
    </message>
    <message>
        <source>Save the project</source>
        <translation>프로젝트 저장</translation>
    </message>
    <message>
        <source>kbuilder projects (*.kbproj)</source>
        <translation>kbuilder 프로젝트 (*.kbproj)</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>훈련이 진행 중입니다</translation>
    </message>
    <message>
        <source>{name} is still training. Stop the training (the figures so far are lost) and go on?</source>
        <translation>{name}이(가) 아직 훈련 중입니다. 훈련을 중지하고 계속할까요? (지금까지의 결과 수치는 사라집니다)</translation>
    </message>
    <message>
        <source>Cannot open the template</source>
        <translation>템플릿을 열 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>열 수 없습니다</translation>
    </message>
    <message>
        <source>{name} is not there any more (moved or deleted?).</source>
        <translation>{name}이(가) 더 이상 그 위치에 없습니다 (옮겨졌거나 삭제되었나요?).</translation>
    </message>
    <message>
        <source>kbuilder cannot open &apos;{name}&apos;: it opens {what}.</source>
        <translation>kbuilder는 &apos;{name}&apos;을(를) 열 수 없습니다. 열 수 있는 것은 {what}입니다.</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>{name} 읽는 중…</translation>
    </message>
    <message>
        <source>Opened {name}</source>
        <translation>{name}을(를) 열었습니다</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>저장하지 못했습니다</translation>
    </message>
    <message>
        <source>Saved {name} without the trained weights: the model changed since they were made (train again to save new ones)</source>
        <translation>{name}을(를) 훈련된 가중치 없이 저장했습니다. 가중치를 만든 뒤로 모델이 바뀌었습니다 (새 가중치를 저장하려면 다시 훈련하세요)</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>{name}을(를) 저장했습니다</translation>
    </message>
</context>
<context>
    <name>FileRecovery</name>
    <message>
        <source>%H:%M on %d %b</source>
        <translation>%m월 %d일 %H:%M</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>저장하지 않은 작업을 복원할까요?</translation>
    </message>
    <message>
        <source>kbuilder did not close properly last time. Restore the unsaved changes to {name} (autosaved at {when})?</source>
        <translation>지난번에 kbuilder가 제대로 종료되지 않았습니다. {name}의 저장하지 않은 변경 사항({when}에 자동 저장됨)을 복원할까요?</translation>
    </message>
    <message>
        <source>your model</source>
        <translation>작업 중이던 모델</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>복원할 수 없습니다</translation>
    </message>
    <message>
        <source>Restored the autosaved work: save it to keep it</source>
        <translation>자동 저장된 작업을 복원했습니다. 보관하려면 저장하세요</translation>
    </message>
</context>
<context>
    <name>FitSection</name>
    <message>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실 (loss)</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>손실 가중치</translation>
    </message>
    <message>
        <source>metrics</source>
        <translation>지표</translation>
    </message>
    <message>
        <source>Suggest from the output layers</source>
        <translation>출력층에 맞게 추천받기</translation>
    </message>
    <message>
        <source>Compile</source>
        <translation>컴파일</translation>
    </message>
    <message>
        <source>Shuffle every epoch</source>
        <translation>에포크마다 섞기</translation>
    </message>
    <message>
        <source>Shuffle the training data before every epoch (shuffle=True)</source>
        <translation>에포크마다 훈련 데이터를 섞습니다 (shuffle=True)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>balanced</source>
        <translation>balanced (균형)</translation>
    </message>
    <message>
        <source>balanced: rare classes count more in the loss (class_weight)</source>
        <translation>balanced (균형): 드문 클래스가 손실에 더 크게 반영됩니다 (class_weight)</translation>
    </message>
    <message>
        <source>one device</source>
        <translation>장치 하나</translation>
    </message>
    <message>
        <source>all local GPUs</source>
        <translation>이 컴퓨터의 모든 GPU</translation>
    </message>
    <message>
        <source>one device: the default. all local GPUs: tf.distribute.MirroredStrategy</source>
        <translation>장치 하나: 기본값입니다. 이 컴퓨터의 모든 GPU: tf.distribute.MirroredStrategy</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>Class weights</source>
        <translation>클래스 가중치</translation>
    </message>
    <message>
        <source>Steps per execution</source>
        <translation>실행당 스텝 수</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>분산 훈련</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>훈련 설정</translation>
    </message>
    <message>
        <source>watch</source>
        <translation>감시할 값 (monitor)</translation>
    </message>
    <message>
        <source>patience (epochs)</source>
        <translation>patience (기다릴 에포크 수)</translation>
    </message>
    <message>
        <source>file</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>stop when the watched value stops improving</source>
        <translation>감시하는 값이 더 나아지지 않으면 훈련을 멈춥니다</translation>
    </message>
    <message>
        <source>restore best weights</source>
        <translation>최고 가중치 복원</translation>
    </message>
    <message>
        <source>save the model while training</source>
        <translation>훈련하는 동안 모델을 저장합니다</translation>
    </message>
    <message>
        <source>only the best</source>
        <translation>최고 모델만</translation>
    </message>
    <message>
        <source>lower the learning rate on a plateau</source>
        <translation>개선이 멈추면 학습률을 낮춥니다</translation>
    </message>
    <message>
        <source>factor</source>
        <translation>factor (곱할 비율)</translation>
    </message>
    <message>
        <source>lowest rate</source>
        <translation>최저 학습률</translation>
    </message>
    <message>
        <source>write each epoch to a CSV file</source>
        <translation>에포크마다 결과를 CSV 파일에 기록합니다</translation>
    </message>
    <message>
        <source>logs for the TensorBoard viewer (needs the tensorboard package)</source>
        <translation>TensorBoard 뷰어용 로그를 남깁니다 (tensorboard 패키지가 필요합니다)</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>stop when the loss becomes NaN</source>
        <translation>손실이 NaN이 되면 훈련을 멈춥니다</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>콜백</translation>
    </message>
</context>
<context>
    <name>FixCell</name>
    <message>
        <source>More</source>
        <translation>더 보기</translation>
    </message>
    <message>
        <source>Other fixes for this problem</source>
        <translation>이 문제를 고치는 다른 방법</translation>
    </message>
</context>
<context>
    <name>GroupFrameItem</name>
    <message>
        <source>Layers of the nested model “{name}”</source>
        <translation>중첩된 모델 “{name}”의 층</translation>
    </message>
</context>
<context>
    <name>ImageInput</name>
    <message>
        <source>Draw with the mouse, white on black; the model answers when you let go.</source>
        <translation>마우스로 검은 바탕에 흰색으로 그리세요. 버튼을 놓으면 모델이 답합니다.</translation>
    </message>
    <message>
        <source>Draw here</source>
        <translation>여기에 그리세요</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Wipe the pad to draw again</source>
        <translation>패드를 지우고 다시 그립니다</translation>
    </message>
    <message>
        <source>Open a picture…</source>
        <translation>그림 열기…</translation>
    </message>
    <message>
        <source>Try the model on a PNG or JPG picture (or a CSV / NumPy file of inputs)</source>
        <translation>PNG나 JPG 그림(또는 입력이 담긴 CSV / NumPy 파일)으로 모델을 시험합니다</translation>
    </message>
    <message>
        <source>Your drawing shrunk to the model&apos;s input size: this is what it sees</source>
        <translation>모델의 입력 크기로 줄인 그림입니다. 모델은 이것을 봅니다</translation>
    </message>
    <message>
        <source>What the model sees: {h}×{w} pixels.</source>
        <translation>모델이 보는 그림: {h}×{w} 픽셀.</translation>
    </message>
    <message>
        <source>Draw something on the pad first, or open a picture.</source>
        <translation>먼저 패드에 무언가를 그리거나 그림을 여세요.</translation>
    </message>
</context>
<context>
    <name>InspectorBuilding</name>
    <message>
        <source>{count} layers are selected.
Select a single layer to edit its settings.</source>
        <translation>층 {count}개가 선택되어 있습니다.
설정을 편집하려면 층을 하나만 선택하세요.</translation>
    </message>
    <message>
        <source>Select a layer on the canvas to see and edit its settings here.</source>
        <translation>캔버스에서 층을 선택하면 여기에서 설정을 보고 편집할 수 있습니다.</translation>
    </message>
    <message>
        <source>Keras class: {name}</source>
        <translation>Keras 클래스: {name}</translation>
    </message>
    <message>
        <source>Where data enters the model. Give the size of one sample.</source>
        <translation>데이터가 모델로 들어오는 곳입니다. 샘플 하나의 크기를 입력하세요.</translation>
    </message>
    <message>
        <source>kbuilder cannot build this layer (a Lambda or a class it does not know). It is kept as it was imported so the rest of the model can be edited and saved.</source>
        <translation>kbuilder는 이 층을 만들 수 없습니다(Lambda이거나 kbuilder가 모르는 클래스입니다). 모델의 나머지 부분을 편집하고 저장할 수 있도록 가져온 그대로 보존합니다.</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>The layer&apos;s name and where it sits in the model</source>
        <translation>층의 이름과 모델 안에서의 위치</translation>
    </message>
    <message>
        <source>The layer&apos;s name in the model (Keras&apos;s `name=`). Press Enter to rename.</source>
        <translation>모델 안에서 이 층의 이름입니다(Keras의 `name=`). Enter 키를 누르면 이름이 바뀝니다.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>The shape of what this layer outputs; None is the batch size</source>
        <translation>이 층이 출력하는 텐서의 크기입니다. None은 배치 크기입니다</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>출력 크기</translation>
    </message>
    <message>
        <source>How many numbers (weights) this layer learns</source>
        <translation>이 층이 학습하는 숫자(가중치)의 개수</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>Model output</source>
        <translation>모델 출력</translation>
    </message>
    <message>
        <source>Make this layer one of the model&apos;s outputs. When no layer is marked, every layer that feeds nothing is an output.</source>
        <translation>이 층을 모델의 출력 중 하나로 만듭니다. 출력으로 지정한 층이 없으면 다른 층으로 이어지지 않는 모든 층이 출력이 됩니다.</translation>
    </message>
    <message>
        <source>Reuse the layer (and its weights) of another layer of the same type, as a siamese network calls one encoder twice.</source>
        <translation>같은 종류의 다른 층을 (가중치와 함께) 다시 사용합니다. 샴 네트워크가 인코더 하나를 두 번 호출하는 것과 같습니다.</translation>
    </message>
    <message>
        <source>Shares weights with</source>
        <translation>가중치 공유 대상</translation>
    </message>
    <message>
        <source>This layer reuses &lt;b&gt;{owner}&lt;/b&gt; and its weights: its settings are those of {owner}. Select {owner} to change them.</source>
        <translation>이 층은 &lt;b&gt;{owner}&lt;/b&gt;와(과) 그 가중치를 다시 사용합니다. 설정은 {owner}의 설정과 같습니다. 바꾸려면 {owner}을(를) 선택하세요.</translation>
    </message>
    <message>
        <source>Loading the layer catalog…</source>
        <translation>층 목록을 불러오는 중…</translation>
    </message>
    <message>
        <source>The list of Keras layers and their settings is read in the background</source>
        <translation>Keras 층과 그 설정 목록을 백그라운드에서 읽고 있습니다</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>The settings most models change</source>
        <translation>대부분의 모델에서 바꾸는 설정</translation>
    </message>
    <message>
        <source>This layer has no settings.</source>
        <translation>이 층에는 설정이 없습니다.</translation>
    </message>
    <message>
        <source>Advanced settings ({count})</source>
        <translation>고급 설정 ({count})</translation>
    </message>
    <message>
        <source>Settings that rarely need changing: initializers, regularizers, constraints…</source>
        <translation>바꿀 일이 드문 설정: 초기화, 규제, 제약 조건…</translation>
    </message>
    <message>
        <source>(no configuration)</source>
        <translation>(구성 없음)</translation>
    </message>
    <message>
        <source>The layer&apos;s configuration as it was imported; never executed</source>
        <translation>가져온 그대로의 층 구성입니다. 실행되지 않습니다</translation>
    </message>
    <message>
        <source>Imported configuration</source>
        <translation>가져온 구성</translation>
    </message>
    <message>
        <source>Your own layer class</source>
        <translation>직접 만든 층 클래스</translation>
    </message>
    <message>
        <source>{cls} is a layer class of your own, so Keras does not know it. If you have the Python file that defines it, load it to use this layer with the settings above.</source>
        <translation>{cls}은(는) 직접 만든 층 클래스라서 Keras가 알지 못합니다. 이 클래스를 정의한 파이썬 파일이 있다면, 불러와서 위의 설정으로 이 층을 사용하세요.</translation>
    </message>
    <message>
        <source>Load custom layer code…</source>
        <translation>사용자 정의 층 코드 불러오기…</translation>
    </message>
    <message>
        <source>Choose the .py file that defines {cls}; kbuilder warns you first, because loading it runs the code in it.</source>
        <translation>{cls}을(를) 정의한 .py 파일을 선택하세요. 파일을 불러오면 그 안의 코드가 실행되므로 kbuilder가 먼저 경고합니다.</translation>
    </message>
    <message>
        <source>— its own layer —</source>
        <translation>— 공유 안 함 —</translation>
    </message>
</context>
<context>
    <name>InspectorEditing</name>
    <message>
        <source>Set {key} of {layer}</source>
        <translation>{layer}의 {key} 설정</translation>
    </message>
    <message>
        <source>Not applied: {reason}</source>
        <translation>적용하지 않았습니다: {reason}</translation>
    </message>
    <message>
        <source>Rename {old} to {new}</source>
        <translation>{old}의 이름을 {new}(으)로 바꾸기</translation>
    </message>
    <message>
        <source>Not renamed: {reason}</source>
        <translation>이름을 바꾸지 않았습니다: {reason}</translation>
    </message>
    <message>
        <source>Mark as output</source>
        <translation>출력으로 지정</translation>
    </message>
    <message>
        <source>Unmark output</source>
        <translation>출력 지정 해제</translation>
    </message>
    <message>
        <source>Share {layer} with {owner}</source>
        <translation>{layer}이(가) {owner}의 가중치 공유</translation>
    </message>
    <message>
        <source>Unshare {layer}</source>
        <translation>{layer}의 가중치 공유 해제</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>({trainable} trainable, {fixed} fixed)</source>
        <translation>(훈련되는 파라미터 {trainable}, 고정된 파라미터 {fixed})</translation>
    </message>
    <message>
        <source>(shared)</source>
        <translation>(공유)</translation>
    </message>
    <message>
        <source>The shapes appear here once the model has been analysed…</source>
        <translation>모델 분석이 끝나면 여기에 크기가 나타납니다…</translation>
    </message>
    <message>
        <source>The shapes are not known yet: nothing is connected to this layer, or a layer before it has a problem.</source>
        <translation>아직 크기를 알 수 없습니다. 이 층에 연결된 것이 없거나, 앞쪽 층에 문제가 있습니다.</translation>
    </message>
</context>
<context>
    <name>IssuesPanel</name>
    <message>
        <source>Checking the model…</source>
        <translation>모델을 검사하는 중…</translation>
    </message>
    <message>
        <source>Problems kbuilder found in the model; click one to select its layer</source>
        <translation>kbuilder가 모델에서 찾은 문제입니다. 문제를 클릭하면 해당 층이 선택됩니다</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>수정</translation>
    </message>
    <message>
        <source>Click a problem to select the layer it is about</source>
        <translation>문제를 클릭하면 관련된 층이 선택됩니다</translation>
    </message>
    <message>
        <source>The analysis failed: {error}</source>
        <translation>분석에 실패했습니다: {error}</translation>
    </message>
    <message>
        <source>model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>오류: {message}</translation>
    </message>
    <message>
        <source>Warning: {message}</source>
        <translation>경고: {message}</translation>
    </message>
    <message>
        <source>Note: {message}</source>
        <translation>참고: {message}</translation>
    </message>
    <message>
        <source>Click to select this layer.</source>
        <translation>클릭하면 이 층이 선택됩니다.</translation>
    </message>
    <message>
        <source>✔ No problems found.</source>
        <translation>✔ 문제가 없습니다.</translation>
    </message>
    <message>
        <source>The model changed: checking it again…</source>
        <translation>모델이 바뀌었습니다. 다시 검사하는 중…</translation>
    </message>
    <message>
        <source>(removed layer)</source>
        <translation>(삭제된 층)</translation>
    </message>
    <message>
        <source>The fix could not be applied: {reason}</source>
        <translation>수정을 적용할 수 없습니다: {reason}</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>kbuilder will speak {name} when it starts again.</source>
        <translation>kbuilder를 다시 시작하면 {name} 화면으로 바뀝니다.</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>지금 다시 시작</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>나중에</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>KBUILDER_LANG={code} is set in the environment: it chooses the language while it is set.</source>
        <translation>환경 변수 KBUILDER_LANG={code}가 설정되어 있습니다. 이 변수가 설정되어 있는 동안에는 이 값이 언어를 정합니다.</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>언어(&amp;G)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <source>Show kbuilder in {name}</source>
        <translation>kbuilder를 {name} 화면으로 표시</translation>
    </message>
    <message>
        <source>Follow the language of the system (LANG, LC_ALL)</source>
        <translation>시스템 언어를 따릅니다 (LANG, LC_ALL)</translation>
    </message>
</context>
<context>
    <name>LayerCard</name>
    <message>
        <source>What it does</source>
        <translation>하는 일</translation>
    </message>
    <message>
        <source>What this layer does, in a few words</source>
        <translation>이 층이 하는 일을 간단히 설명합니다</translation>
    </message>
    <message>
        <source>When to use it</source>
        <translation>언제 쓰나요</translation>
    </message>
    <message>
        <source>Where this layer usually goes in a model</source>
        <translation>이 층이 모델에서 주로 놓이는 자리</translation>
    </message>
    <message>
        <source>Shapes</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>What this layer takes and gives, with the current numbers</source>
        <translation>이 층이 받는 입력과 내보내는 출력을 현재 숫자로 보여 줍니다</translation>
    </message>
    <message>
        <source>Keras documentation</source>
        <translation>Keras 문서</translation>
    </message>
    <message>
        <source>The documentation Keras gives for this layer</source>
        <translation>Keras가 이 층에 대해 제공하는 문서</translation>
    </message>
    <message>
        <source>Show or hide this part of the card; the choice is remembered</source>
        <translation>카드의 이 부분을 펼치거나 접습니다. 선택한 상태는 기억됩니다</translation>
    </message>
</context>
<context>
    <name>LayerEditor</name>
    <message>
        <source>Type to search the layers</source>
        <translation>입력해서 층 검색</translation>
    </message>
    <message>
        <source>The settings of the layer inside the wrapper</source>
        <translation>래퍼 안에 있는 층의 설정</translation>
    </message>
    <message>
        <source>{text} is not a layer kbuilder knows: pick one from the list.</source>
        <translation>{text}은(는) kbuilder가 아는 층이 아닙니다. 목록에서 고르세요.</translation>
    </message>
    <message>
        <source>{name} needs a layer.</source>
        <translation>{name}에는 층이 필요합니다.</translation>
    </message>
    <message>
        <source>A setting kbuilder has no editor for; edited as JSON.</source>
        <translation>kbuilder에 전용 편집기가 없는 설정입니다. JSON으로 편집합니다.</translation>
    </message>
    <message>
        <source>{layer} settings</source>
        <translation>{layer} 설정</translation>
    </message>
    <message>
        <source>More {layer} settings ({count})</source>
        <translation>{layer} 추가 설정 ({count})</translation>
    </message>
    <message>
        <source>This layer has no settings.</source>
        <translation>이 층에는 설정이 없습니다.</translation>
    </message>
    <message>
        <source>Also kept as the file has them: {keys}.</source>
        <translation>파일에 있는 그대로 함께 보존하는 설정: {keys}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Whether TensorFlow is loaded: shapes and parameter counts need it</source>
        <translation>TensorFlow를 불러왔는지 보여 줍니다. 크기와 파라미터 개수를 계산하려면 TensorFlow가 필요합니다</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>만들기</translation>
    </message>
    <message>
        <source>Restored the default layout</source>
        <translation>기본 배치로 되돌렸습니다</translation>
    </message>
    <message>
        <source>Undone: {change}</source>
        <translation>실행 취소됨: {change}</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>실행 취소됨</translation>
    </message>
    <message>
        <source>{change}</source>
        <comment>the status bar after an edit</comment>
        <translation>{change} — 완료</translation>
    </message>
    <message>
        <source>{name}[*] — kbuilder</source>
        <translation>{name}[*] — kbuilder</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <source>reuses {layer} (same weights)</source>
        <translation>{layer} 재사용 (같은 가중치)</translation>
    </message>
    <message>
        <source>(shared)</source>
        <translation>(공유)</translation>
    </message>
    <message>
        <source>⇢ output</source>
        <translation>⇢ 출력</translation>
    </message>
    <message>
        <source>Output {n} of {count}: drag from here to an input port to connect</source>
        <translation>출력 {n}/{count}: 여기에서 입력 포트로 끌어서 연결하세요</translation>
    </message>
    <message>
        <source>Output: drag from here to an input port to connect</source>
        <translation>출력: 여기에서 입력 포트로 끌어서 연결하세요</translation>
    </message>
    <message>
        <source>Drop a connection here to add one more input</source>
        <translation>여기에 연결을 놓으면 입력이 하나 더 추가됩니다</translation>
    </message>
    <message>
        <source>Input {n}: connected. Drag it onto another numbered input to change the order, away to disconnect; right-click for more</source>
        <translation>입력 {n}: 연결됨. 번호가 있는 다른 입력으로 끌면 순서가 바뀌고, 바깥으로 끌면 연결이 끊어집니다. 오른쪽 클릭하면 더 많은 작업이 있습니다</translation>
    </message>
    <message>
        <source>Input: connected. Drag it away to disconnect, or onto another layer&apos;s input to move it</source>
        <translation>입력: 연결됨. 바깥으로 끌면 연결이 끊어지고, 다른 층의 입력으로 끌면 연결이 옮겨집니다</translation>
    </message>
    <message>
        <source>Input {n}: drop a connection from another layer&apos;s output here</source>
        <translation>입력 {n}: 다른 층의 출력에서 끌어온 연결을 여기에 놓으세요</translation>
    </message>
    <message>
        <source>Input: drop a connection from another layer&apos;s output here</source>
        <translation>입력: 다른 층의 출력에서 끌어온 연결을 여기에 놓으세요</translation>
    </message>
    <message>
        <source>Output shape: {shape}</source>
        <translation>출력 크기: {shape}</translation>
    </message>
    <message>
        <source>⟳ The search tries {param}: {values}</source>
        <translation>⟳ 탐색에서 시도할 {param} 값: {values}</translation>
    </message>
    <message>
        <source>error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>shape …</source>
        <translation>크기 …</translation>
    </message>
</context>
<context>
    <name>NotesBar</name>
    <message>
        <source>Show notes</source>
        <translation>메모 보기</translation>
    </message>
    <message>
        <source>Show or hide what the import translated or left out</source>
        <translation>가져오기에서 변환했거나 빠뜨린 내용을 보이거나 숨깁니다</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Put the notes away</source>
        <translation>메모를 닫습니다</translation>
    </message>
    <message>
        <source>{name} was saved with 1 note: what it could not keep.</source>
        <translation>{name}을(를) 저장했습니다. 유지하지 못한 내용에 대한 메모가 1개 있습니다.</translation>
    </message>
    <message>
        <source>{name} was saved with {n} notes: what it could not keep.</source>
        <translation>{name}을(를) 저장했습니다. 유지하지 못한 내용에 대한 메모가 {n}개 있습니다.</translation>
    </message>
    <message>
        <source>{name} was imported with 1 note: what kbuilder translated or could not keep.</source>
        <translation>{name}을(를) 가져왔습니다. kbuilder가 변환했거나 유지하지 못한 내용에 대한 메모가 1개 있습니다.</translation>
    </message>
    <message>
        <source>{name} was imported with {n} notes: what kbuilder translated or could not keep.</source>
        <translation>{name}을(를) 가져왔습니다. kbuilder가 변환했거나 유지하지 못한 내용에 대한 메모가 {n}개 있습니다.</translation>
    </message>
    <message>
        <source>… and {n} more.</source>
        <translation>… 외 {n}개가 더 있습니다.</translation>
    </message>
    <message>
        <source>Hide notes</source>
        <translation>메모 숨기기</translation>
    </message>
</context>
<context>
    <name>OptionalNumberEditor</name>
    <message>
        <source>Unchecked: None (Keras decides)</source>
        <translation>선택 해제: None (Keras가 결정)</translation>
    </message>
</context>
<context>
    <name>OverlayPlot</name>
    <message>
        <source>Curve of:</source>
        <translation>곡선:</translation>
    </message>
    <message>
        <source>Which figure to draw for every run, one line per run</source>
        <translation>모든 실행에 대해 그릴 지표입니다. 실행마다 선 하나를 그립니다</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
</context>
<context>
    <name>PalettePanel</name>
    <message>
        <source>Common layers</source>
        <translation>자주 쓰는 층</translation>
    </message>
    <message>
        <source>Search layers  (Ctrl+F)</source>
        <translation>층 검색  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Type part of a layer&apos;s name or purpose, e.g. &apos;conv&apos;, &apos;dropout&apos;, &apos;merge&apos;. Enter adds the first match.</source>
        <translation>층 이름이나 용도의 일부를 입력하세요. 예: &apos;conv&apos;, &apos;dropout&apos;, &apos;merge&apos;. Enter 키를 누르면 첫 번째 결과를 추가합니다.</translation>
    </message>
    <message>
        <source>Drag a layer onto the canvas (onto a connection to insert it there), or double-click it to add it below the selected layer, connected.</source>
        <translation>층을 캔버스로 끌어 놓으세요(연결 위에 놓으면 그 자리에 끼워 넣습니다). 더블클릭하면 선택한 층 아래에 연결된 채로 추가합니다.</translation>
    </message>
    <message>
        <source>Drag onto the canvas or double-click</source>
        <translation>캔버스로 끌어 놓거나 더블클릭하세요</translation>
    </message>
    <message>
        <source>Loading layers…</source>
        <translation>층을 불러오는 중…</translation>
    </message>
    <message>
        <source>The layer list comes from Keras, which takes a few seconds to load the first time.</source>
        <translation>층 목록은 Keras에서 가져옵니다. 처음에는 불러오는 데 몇 초가 걸립니다.</translation>
    </message>
    <message>
        <source>1 layer</source>
        <translation>층 1개</translation>
    </message>
    <message>
        <source>{n} layers</source>
        <translation>층 {n}개</translation>
    </message>
</context>
<context>
    <name>PanelMounting</name>
    <message>
        <source>Inspector</source>
        <translation>속성</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>훈련</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>실험</translation>
    </message>
    <message>
        <source>Draw the model: the canvas, with the layers, inspector, issues and summary around it (Alt+1)</source>
        <translation>모델 그리기: 캔버스와 그 주위의 층 팔레트, 속성, 문제, 요약 (Alt+1)</translation>
    </message>
    <message>
        <source>The Python code that builds the model (Alt+2)</source>
        <translation>모델을 만드는 Python 코드 (Alt+2)</translation>
    </message>
    <message>
        <source>Train the model, watch its curves and results (Alt+3)</source>
        <translation>모델을 훈련하고 곡선과 결과를 살펴봅니다 (Alt+3)</translation>
    </message>
    <message>
        <source>Search for the best values of the settings marked &apos;try several&apos;, compare runs (Alt+4)</source>
        <translation>&apos;여러 값 시도&apos;로 표시한 설정의 최적값을 탐색하고 실행을 비교합니다 (Alt+4)</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>층 팔레트</translation>
    </message>
    <message>
        <source>The layers you can add: drag one onto the canvas</source>
        <translation>추가할 수 있는 층입니다. 캔버스로 끌어다 놓으세요</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <source>Loading TensorFlow…</source>
        <translation>TensorFlow 불러오는 중…</translation>
    </message>
    <message>
        <source>The layer list could not be loaded: {error}</source>
        <translation>층 목록을 불러올 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Check failed</source>
        <translation>검사 실패</translation>
    </message>
    <message>
        <source>Model OK</source>
        <translation>모델 이상 없음</translation>
    </message>
    <message>
        <source>Live check of the model; see the Issues panel for details</source>
        <translation>모델을 실시간으로 검사한 결과입니다. 자세한 내용은 문제 패널을 보세요</translation>
    </message>
    <message>
        <source>The {mode} mode cannot start: {error}</source>
        <translation>{mode} 모드를 시작할 수 없습니다: {error}</translation>
    </message>
</context>
<context>
    <name>ParamEditor</name>
    <message>
        <source>this value is not accepted</source>
        <translation>이 값은 사용할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>PredictionView</name>
    <message>
        <source>The model&apos;s answer appears here.</source>
        <translation>모델의 답이 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>Output {name}</source>
        <translation>출력 {name}</translation>
    </message>
    <message>
        <source>The model&apos;s answer</source>
        <translation>모델의 답</translation>
    </message>
    <message>
        <source>Most likely: &lt;b&gt;{name}&lt;/b&gt; ({percent})</source>
        <translation>가장 가능성 높은 답: &lt;b&gt;{name}&lt;/b&gt; ({percent})</translation>
    </message>
    <message>
        <source>the {count} other classes</source>
        <translation>나머지 클래스 {count}개</translation>
    </message>
    <message>
        <source>Class {name}</source>
        <translation>클래스 {name}</translation>
    </message>
    <message>
        <source>Predicted value: &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation>예측값: &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Predicted values: {values}</source>
        <translation>예측값: {values}</translation>
    </message>
    <message>
        <source>The number the model gives for this output (a regression).</source>
        <translation>모델이 이 출력에 대해 내놓은 수입니다 (회귀).</translation>
    </message>
    <message>
        <source>Your input</source>
        <translation>내 입력</translation>
    </message>
    <message>
        <source>The picture as the model took it</source>
        <translation>모델이 받아들인 그림</translation>
    </message>
    <message>
        <source>Reconstruction</source>
        <translation>재구성</translation>
    </message>
    <message>
        <source>What the model gives back for it</source>
        <translation>모델이 되돌려 준 그림</translation>
    </message>
</context>
<context>
    <name>PreviewLabel</name>
    <message>
        <source>The template&apos;s layers</source>
        <translation>템플릿의 층</translation>
    </message>
    <message>
        <source>No preview: the template could not be read</source>
        <translation>미리 보기 없음: 템플릿을 읽을 수 없습니다</translation>
    </message>
</context>
<context>
    <name>ProbabilityBar</name>
    <message>
        <source>{name}: {percent}</source>
        <translation>{name}: {percent}</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <extracomment>Qt&apos;s own words that its Korean file (qtbase_ko.qm) lacks in Qt 6.11 (the file dialog&apos;s labels gained mnemonics): kbuilder&apos;s translation file has them, and Qt asks it after its own.</extracomment>
        <translation>찾는 위치(&amp;L):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>파일 형식(&amp;T):</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Train a model: its test results appear here.</source>
        <translation>모델을 훈련하면 테스트 결과가 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>Confusion matrix: rows are the true class, columns the predicted one.</source>
        <translation>혼동 행렬: 행은 실제 클래스, 열은 예측한 클래스입니다.</translation>
    </message>
    <message>
        <source>Rows: the true class; columns: the predicted class.</source>
        <translation>행: 실제 클래스, 열: 예측한 클래스.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Test:&lt;/b&gt; {metrics}</source>
        <translation>&lt;b&gt;테스트:&lt;/b&gt; {metrics}</translation>
    </message>
    <message>
        <source>true {true}, predicted {predicted}: {count} ({percent}% of {true})</source>
        <translation>실제 {true}, 예측 {predicted}: {count}개 ({true}의 {percent}%)</translation>
    </message>
    <message>
        <source>true {label}</source>
        <translation>실제 {label}</translation>
    </message>
    <message>
        <source>pred {label}</source>
        <translation>예측 {label}</translation>
    </message>
    <message>
        <source>pred &lt;b&gt;{label}&lt;/b&gt; {percent}%</source>
        <translation>예측 &lt;b&gt;{label}&lt;/b&gt; {percent}%</translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <source>epochs done</source>
        <extracomment>Row names of the comparison table for its column keys beyond the training settings that :func:`setting_title` names (others are shown as they are: Keras&apos;s names).</extracomment>
        <translation>완료한 에포크</translation>
    </message>
    <message>
        <source>stopped because</source>
        <translation>중지 이유</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>에포크 수</translation>
    </message>
    <message>
        <source>Every training run of this model is kept here. Click runs to compare them: two or more are overlaid and set side by side.</source>
        <translation>이 모델의 모든 훈련 실행이 여기에 보관됩니다. 실행을 클릭해서 비교하세요. 두 개 이상을 고르면 곡선을 겹쳐 그리고 나란히 보여 줍니다.</translation>
    </message>
    <message>
        <source>Pick two or more runs to overlay their curves.</source>
        <translation>곡선을 겹쳐 보려면 실행을 두 개 이상 고르세요.</translation>
    </message>
    <message>
        <source>A run of the model as it is now</source>
        <translation>현재 모델의 실행</translation>
    </message>
    <message>
        <source>A run of an earlier version of the model</source>
        <translation>이전 버전 모델의 실행</translation>
    </message>
    <message>
        <source>{n} epochs</source>
        <translation>{n} 에포크</translation>
    </message>
    <message>
        <source>1 epoch</source>
        <translation>1 에포크</translation>
    </message>
    <message>
        <source>Run {n} · {epochs}</source>
        <translation>실행 {n} · {epochs}</translation>
    </message>
    <message>
        <source>earlier model</source>
        <translation>이전 모델</translation>
    </message>
</context>
<context>
    <name>SearchControl</name>
    <message>
        <source>Save the project first</source>
        <translation>먼저 프로젝트 저장</translation>
    </message>
    <message>
        <source>A search keeps its trials in a folder beside the project file, so save the project first.</source>
        <translation>탐색은 시도 결과를 프로젝트 파일 옆의 폴더에 보관하므로, 먼저 프로젝트를 저장하세요.</translation>
    </message>
    <message>
        <source>Start a new search</source>
        <translation>새 탐색 시작</translation>
    </message>
    <message>
        <source>A new search deletes the {n} trials of the last search (Resume would go on with it). Start a new search?</source>
        <translation>새 탐색을 시작하면 지난 탐색의 시도 {n}개가 삭제됩니다(이어서 하기를 누르면 지난 탐색을 계속합니다). 새 탐색을 시작할까요?</translation>
    </message>
    <message>
        <source>Training is running: let it finish or stop it, then start the search.</source>
        <translation>훈련이 진행 중입니다. 훈련이 끝나거나 중지한 다음 탐색을 시작하세요.</translation>
    </message>
    <message>
        <source>Nothing is marked to try several values yet: right-click a layer setting in the Inspector, or use the buttons above.</source>
        <translation>아직 여러 값을 시도하도록 표시한 설정이 없습니다. 속성 패널에서 층 설정을 오른쪽 클릭하거나 위의 버튼을 사용하세요.</translation>
    </message>
    <message>
        <source>The search did not start: it needs the project saved in a file.</source>
        <translation>탐색을 시작하지 않았습니다. 프로젝트를 파일로 저장해야 합니다.</translation>
    </message>
    <message>
        <source>Preparing the data (TensorFlow may take a few seconds to load)…</source>
        <translation>데이터를 준비하는 중입니다(TensorFlow를 불러오는 데 몇 초 걸릴 수 있습니다)…</translation>
    </message>
    <message>
        <source>Stopping: the running trial ends, the finished ones are kept…</source>
        <translation>중지하는 중입니다. 진행 중인 시도는 끝나고, 완료된 시도는 보관됩니다…</translation>
    </message>
    <message>
        <source>The best is trial {n} ({values}): {figure} {score}.</source>
        <translation>최고 결과는 시도 {n}({values})입니다: {figure} {score}.</translation>
    </message>
    <message>
        <source>The model already has the values of trial {n}.</source>
        <translation>모델에 이미 시도 {n}의 값이 들어 있습니다.</translation>
    </message>
    <message>
        <source>Applied the values of trial {n}: {values}. Undo takes them back.</source>
        <translation>시도 {n}의 값을 적용했습니다: {values}. 실행 취소하면 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>The last search of this project kept {n} finished trials.</source>
        <translation>이 프로젝트의 지난 탐색에서 완료된 시도 {n}개를 보관하고 있습니다.</translation>
    </message>
    <message>
        <source>Resume runs the rest.</source>
        <translation>이어서 하기를 누르면 나머지를 실행합니다.</translation>
    </message>
    <message>
        <source>Mark what to try, then start the search.</source>
        <translation>시도할 설정을 표시한 다음 탐색을 시작하세요.</translation>
    </message>
    <message>
        <source>Stopping the search of the previous model…</source>
        <translation>이전 모델의 탐색을 중지하는 중…</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <source>Start search</source>
        <translation>탐색 시작</translation>
    </message>
    <message>
        <source>Train one model per trial with the values the tuner picks (a new search replaces the last one&apos;s trials)</source>
        <translation>튜너가 고른 값으로 시도마다 모델 하나를 훈련합니다(새 탐색은 지난 탐색의 시도를 대체합니다)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>End the running trial and the search; the finished trials are kept</source>
        <translation>진행 중인 시도와 탐색을 끝냅니다. 완료된 시도는 보관됩니다</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>이어서 하기</translation>
    </message>
    <message>
        <source>Go on with the last search: run its unfinished trials</source>
        <translation>지난 탐색을 계속합니다. 끝나지 않은 시도를 실행합니다</translation>
    </message>
    <message>
        <source>Mark what to try, then start the search.</source>
        <translation>시도할 설정을 표시한 다음 탐색을 시작하세요.</translation>
    </message>
    <message>
        <source>Apply best</source>
        <translation>최고 결과 적용</translation>
    </message>
    <message>
        <source>Write the best trial&apos;s values into the model and the training settings (one undo step)</source>
        <translation>최고 시도의 값을 모델과 훈련 설정에 씁니다(한 번에 실행 취소할 수 있습니다)</translation>
    </message>
    <message>
        <source>The trials&apos; curves appear here.</source>
        <translation>시도의 곡선이 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>Trial {n}</source>
        <translation>시도 {n}</translation>
    </message>
    <message>
        <source>Resumed the search: {n} finished trials kept.</source>
        <translation>탐색을 이어서 합니다. 완료된 시도 {n}개를 보관했습니다.</translation>
    </message>
    <message>
        <source>The search started.</source>
        <translation>탐색을 시작했습니다.</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>Trial {n} is training.</source>
        <translation>시도 {n} 훈련 중…</translation>
    </message>
    <message>
        <source>epoch {e} of {n}</source>
        <translation>에포크 {e}/{n}</translation>
    </message>
</context>
<context>
    <name>SpaceEditor</name>
    <message>
        <source>What the search tries</source>
        <translation>탐색에서 시도할 것</translation>
    </message>
    <message>
        <source>In Build (Alt+1), right-click a layer setting in the Inspector and choose &quot;Try several values…&quot;, or try several training settings with the buttons below.</source>
        <translation>만들기 모드(Alt+1)에서 속성 패널의 층 설정을 오른쪽 클릭하고 &quot;여러 값 시도…&quot;를 고르거나, 아래 버튼으로 여러 훈련 설정을 시도하세요.</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Values to try</source>
        <translation>시도할 값</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>바꾸기…</translation>
    </message>
    <message>
        <source>Change the values tried for the selected setting</source>
        <translation>선택한 설정에서 시도할 값을 바꿉니다</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Stop trying several values of the selected setting (undoable)</source>
        <translation>선택한 설정의 여러 값 시도를 그만둡니다(실행 취소 가능)</translation>
    </message>
    <message>
        <source>Try several training settings too:</source>
        <translation>여러 훈련 설정도 시도하기:</translation>
    </message>
    <message>
        <source>Learning rates…</source>
        <translation>학습률…</translation>
    </message>
    <message>
        <source>Try several learning rates</source>
        <translation>여러 학습률 시도</translation>
    </message>
    <message>
        <source>Optimizers…</source>
        <translation>옵티마이저…</translation>
    </message>
    <message>
        <source>Try several optimizers</source>
        <translation>여러 옵티마이저 시도</translation>
    </message>
    <message>
        <source>Batch sizes…</source>
        <translation>배치 크기…</translation>
    </message>
    <message>
        <source>Try several batch sizes</source>
        <translation>여러 배치 크기 시도</translation>
    </message>
    <message>
        <source>How to search</source>
        <translation>탐색 방법</translation>
    </message>
    <message>
        <source>Random search</source>
        <translation>무작위 탐색</translation>
    </message>
    <message>
        <source>Each trial picks values at random: simple and robust.</source>
        <translation>시도마다 값을 무작위로 고릅니다. 간단하고 안정적입니다.</translation>
    </message>
    <message>
        <source>Hyperband</source>
        <translation>Hyperband</translation>
    </message>
    <message>
        <source>Trains many trials for a few epochs and only the promising ones for longer.</source>
        <translation>많은 시도를 몇 에포크만 훈련하고, 가능성이 보이는 시도만 더 오래 훈련합니다.</translation>
    </message>
    <message>
        <source>Bayesian optimisation</source>
        <translation>베이즈 최적화</translation>
    </message>
    <message>
        <source>Picks the next values from what the finished trials taught it.</source>
        <translation>완료된 시도에서 배운 것을 바탕으로 다음 값을 고릅니다.</translation>
    </message>
    <message>
        <source>How the search chooses the values of each trial</source>
        <translation>탐색이 각 시도의 값을 고르는 방법</translation>
    </message>
    <message>
        <source>Tuner:</source>
        <translation>튜너:</translation>
    </message>
    <message>
        <source>At most this many trials (models trained with different values)</source>
        <translation>최대 시도 횟수(서로 다른 값으로 훈련하는 모델의 수)</translation>
    </message>
    <message>
        <source>Trials:</source>
        <translation>시도 횟수:</translation>
    </message>
    <message>
        <source>as in Train</source>
        <translation>훈련 모드와 같게</translation>
    </message>
    <message>
        <source>Epochs each trial trains (Hyperband: the most); &apos;as in Train&apos; uses the training settings&apos; epochs</source>
        <translation>시도마다 훈련할 에포크 수(Hyperband는 최대 에포크 수)입니다. &apos;훈련 모드와 같게&apos;는 훈련 설정의 에포크 수를 사용합니다</translation>
    </message>
    <message>
        <source>Epochs per trial:</source>
        <translation>시도당 에포크:</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>What makes a trial the best: automatic is val_accuracy for a classifier, else val_loss</source>
        <translation>최고 시도를 가리는 기준입니다. 자동은 분류 모델이면 val_accuracy, 아니면 val_loss입니다</translation>
    </message>
    <message>
        <source>Best means:</source>
        <translation>최고 기준:</translation>
    </message>
    <message>
        <source>Double-click to change the values tried</source>
        <translation>더블클릭하면 시도할 값을 바꿀 수 있습니다</translation>
    </message>
    <message>
        <source>Nothing marked yet</source>
        <translation>아직 표시한 설정이 없습니다</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <source>Layer (type)</source>
        <translation>층 (유형)</translation>
    </message>
    <message>
        <source>Output Shape</source>
        <translation>출력 크기</translation>
    </message>
    <message>
        <source>Param #</source>
        <translation>파라미터 개수</translation>
    </message>
    <message>
        <source>Connected to</source>
        <translation>연결된 층</translation>
    </message>
    <message>
        <source>Model summary</source>
        <translation>모델 요약</translation>
    </message>
    <message>
        <source>The table Keras prints with model.summary()</source>
        <translation>Keras가 model.summary()로 출력하는 표입니다</translation>
    </message>
    <message>
        <source>Waiting for the first analysis…</source>
        <translation>첫 분석을 기다리는 중…</translation>
    </message>
    <message>
        <source>Why the summary cannot be shown</source>
        <translation>요약을 보여 줄 수 없는 이유</translation>
    </message>
    <message>
        <source>One row per layer call, as model.summary() prints it; click a row to select the layer</source>
        <translation>model.summary()처럼 층 호출 하나가 한 행입니다. 행을 클릭하면 해당 층이 선택됩니다</translation>
    </message>
    <message>
        <source>The layer&apos;s name and, in brackets, its Keras class</source>
        <translation>층의 이름과 괄호 안의 Keras 클래스</translation>
    </message>
    <message>
        <source>The shape of the layer&apos;s output; None is the batch size</source>
        <translation>층의 출력 크기입니다. None은 배치 크기입니다</translation>
    </message>
    <message>
        <source>How many weights the layer learns</source>
        <translation>층이 학습하는 가중치의 개수</translation>
    </message>
    <message>
        <source>The layers feeding this one</source>
        <translation>이 층에 입력을 보내는 층</translation>
    </message>
    <message>
        <source>Total: every weight. Trainable: those training changes. Non-trainable: fixed ones (frozen layers, BatchNormalization statistics).</source>
        <translation>전체: 모든 가중치. 훈련되는 파라미터: 훈련으로 바뀌는 가중치. 훈련되지 않는 파라미터: 고정된 가중치(동결된 층, BatchNormalization 통계).</translation>
    </message>
    <message>
        <source>The model cannot be summarised yet: {error}</source>
        <translation>아직 모델을 요약할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>No summary yet.</source>
        <translation>아직 요약이 없습니다.</translation>
    </message>
    <message>
        <source>Model: &quot;{name}&quot;</source>
        <translation>모델: &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>Total params: –
Trainable params: –
Non-trainable params: –</source>
        <translation>전체 파라미터: –
훈련되는 파라미터: –
훈련되지 않는 파라미터: –</translation>
    </message>
    <message>
        <source>Total params: {count}</source>
        <translation>전체 파라미터: {count}</translation>
    </message>
    <message>
        <source>Trainable params: {count}</source>
        <translation>훈련되는 파라미터: {count}</translation>
    </message>
    <message>
        <source>Non-trainable params: {count}</source>
        <translation>훈련되지 않는 파라미터: {count}</translation>
    </message>
    <message>
        <source>total params {total}</source>
        <translation>전체 파라미터 {total}</translation>
    </message>
</context>
<context>
    <name>TableInput</name>
    <message>
        <source>Use the example row</source>
        <translation>예시 행 사용</translation>
    </message>
    <message>
        <source>Fill the fields with a real row of the training data again</source>
        <translation>훈련 데이터의 실제 행으로 칸을 다시 채웁니다</translation>
    </message>
    <message>
        <source>The value of &apos;{name}&apos;, in the units of the training data</source>
        <translation>&apos;{name}&apos;의 값 (훈련 데이터와 같은 단위)</translation>
    </message>
    <message>
        <source>Write a number in the field &apos;{name}&apos;.</source>
        <translation>&apos;{name}&apos; 칸에 숫자를 입력하세요.</translation>
    </message>
    <message>
        <source>The model&apos;s columns are not known yet: wait a moment.</source>
        <translation>아직 모델의 열을 알 수 없습니다. 잠시 기다리세요.</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Start from a template</source>
        <translation>템플릿으로 시작하기</translation>
    </message>
    <message>
        <source>Pick a model to start from; double-click opens it</source>
        <translation>시작할 모델을 고르세요. 두 번 클릭하면 바로 열립니다</translation>
    </message>
    <message>
        <source>What this model does</source>
        <translation>이 모델이 하는 일</translation>
    </message>
    <message>
        <source>Open the chosen template as a new project</source>
        <translation>고른 템플릿을 새 프로젝트로 엽니다</translation>
    </message>
    <message>
        <source>Keep the current model</source>
        <translation>지금 모델을 그대로 둡니다</translation>
    </message>
    <message>
        <source>No templates are installed (resources/templates is empty).</source>
        <translation>설치된 템플릿이 없습니다 (resources/templates 폴더가 비어 있습니다).</translation>
    </message>
    <message>
        <source>1 layer; it shows its output shape.</source>
        <translation>층 1개. 출력 크기가 함께 표시됩니다.</translation>
    </message>
    <message>
        <source>{n} layers; each shows its output shape.</source>
        <translation>층 {n}개. 각 층에 출력 크기가 표시됩니다.</translation>
    </message>
    <message>
        <source>1 layer, with its main settings; its output shape is shown once TensorFlow has loaded.</source>
        <translation>층 1개와 주요 설정. 출력 크기는 TensorFlow를 불러온 뒤에 표시됩니다.</translation>
    </message>
    <message>
        <source>{n} layers, each with its main settings; output shapes are shown once TensorFlow has loaded.</source>
        <translation>층 {n}개와 각 층의 주요 설정. 출력 크기는 TensorFlow를 불러온 뒤에 표시됩니다.</translation>
    </message>
    <message>
        <source>1 layer; working out its output shape…</source>
        <translation>층 1개. 출력 크기를 계산하는 중…</translation>
    </message>
    <message>
        <source>{n} layers; working out their output shapes…</source>
        <translation>층 {n}개. 출력 크기를 계산하는 중…</translation>
    </message>
    <message>
        <source>1 layer, with its main settings.</source>
        <translation>층 1개와 주요 설정.</translation>
    </message>
    <message>
        <source>{n} layers, each with its main settings.</source>
        <translation>층 {n}개와 각 층의 주요 설정.</translation>
    </message>
</context>
<context>
    <name>TextEditor</name>
    <message>
        <source>{name} needs a value</source>
        <translation>{name}에 값이 필요합니다</translation>
    </message>
</context>
<context>
    <name>TextInput</name>
    <message>
        <source>Write a text in English, for example a short movie review.</source>
        <translation>영어로 글을 쓰세요. 예를 들어 짧은 영화 리뷰를 써 보세요.</translation>
    </message>
    <message>
        <source>The text the model reads; Ctrl+Enter predicts</source>
        <translation>모델이 읽을 글입니다. Ctrl+Enter를 누르면 예측합니다</translation>
    </message>
    <message>
        <source>Write some text first.</source>
        <translation>먼저 글을 입력하세요.</translation>
    </message>
</context>
<context>
    <name>TrainingFeedback</name>
    <message>
        <source>data: {note}</source>
        <translation>데이터: {note}</translation>
    </message>
    <message>
        <source>weights: {note}</source>
        <translation>가중치: {note}</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>훈련 중…</translation>
    </message>
    <message>
        <source>epoch {epoch}/{epochs} · batch {step}/{steps}</source>
        <translation>에포크 {epoch}/{epochs} · 배치 {step}/{steps}</translation>
    </message>
    <message>
        <source>epoch {epoch}/{epochs} done</source>
        <translation>에포크 {epoch}/{epochs} 완료</translation>
    </message>
    <message>
        <source>epoch {epoch}: {logs}</source>
        <translation>에포크 {epoch}: {logs}</translation>
    </message>
    <message>
        <source>Paused: press Resume to go on.</source>
        <translation>일시 정지됨: 계속하려면 재개를 누르세요.</translation>
    </message>
    <message>
        <source>{epochs} in {time}</source>
        <translation>{epochs} ({time} 소요)</translation>
    </message>
    <message>
        <source>Evaluated: {metrics}</source>
        <translation>평가 완료: {metrics}</translation>
    </message>
    <message>
        <source>The data fits the model (train {train}, val {val}, test {test} samples).</source>
        <translation>데이터가 모델에 맞습니다 (샘플: 훈련 {train}개, 검증 {val}개, 테스트 {test}개).</translation>
    </message>
    <message>
        <source>The data fits the model.</source>
        <translation>데이터가 모델에 맞습니다.</translation>
    </message>
    <message>
        <source>Warnings: {warnings}</source>
        <translation>경고: {warnings}</translation>
    </message>
    <message>
        <source>Saved the model to {path}. It takes raw inputs (pictures in 0-255, a CSV&apos;s own columns): the data&apos;s scaling is inside the model.</source>
        <translation>모델을 저장했습니다: {path}. 이 모델은 원본 입력(0-255 범위의 그림, CSV의 원래 열)을 그대로 받습니다. 데이터의 스케일 조정이 모델 안에 들어 있습니다.</translation>
    </message>
    <message>
        <source>saved {path}</source>
        <translation>저장함: {path}</translation>
    </message>
    <message>
        <source>warning: {message}</source>
        <translation>경고: {message}</translation>
    </message>
    <message>
        <source>{where} · {time} left</source>
        <translation>{where} · {time} 남음</translation>
    </message>
    <message>
        <source>error: {message}</source>
        <translation>오류: {message}</translation>
    </message>
    <message>
        <source>note: {message}</source>
        <translation>참고: {message}</translation>
    </message>
</context>
<context>
    <name>TrainingJobs</name>
    <message>
        <source>There is no model to train: draw one or open a template first.</source>
        <translation>훈련할 모델이 없습니다. 먼저 모델을 그리거나 템플릿을 여세요.</translation>
    </message>
    <message>
        <source>A search is running in Experiments: let it finish or stop it, then train.</source>
        <translation>실험 모드에서 탐색이 실행 중입니다. 탐색이 끝나기를 기다리거나 멈춘 다음 훈련하세요.</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>--- run started {time}</source>
        <translation>--- 실행 시작 {time}</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>현재 배치가 끝나면 멈춥니다…</translation>
    </message>
    <message>
        <source>Pausing after the current batch…</source>
        <translation>현재 배치가 끝나면 일시 정지합니다…</translation>
    </message>
    <message>
        <source>Evaluating the model&apos;s weights…</source>
        <translation>모델의 가중치를 평가하는 중…</translation>
    </message>
    <message>
        <source>Train the model first.</source>
        <translation>먼저 모델을 훈련하세요.</translation>
    </message>
    <message>
        <source>Wrote the training script {path}.</source>
        <translation>훈련 스크립트를 저장했습니다: {path}</translation>
    </message>
    <message>
        <source>wrote {path}</source>
        <translation>저장함: {path}</translation>
    </message>
    <message>
        <source>Save the trained model</source>
        <translation>훈련된 모델 저장</translation>
    </message>
    <message>
        <source>Keras model (*.keras);;HDF5 (*.h5)</source>
        <translation>Keras 모델 (*.keras);;HDF5 (*.h5)</translation>
    </message>
    <message>
        <source>Export the training script</source>
        <translation>훈련 스크립트 내보내기</translation>
    </message>
    <message>
        <source>Python (*.py)</source>
        <translation>Python 파일 (*.py)</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Check</source>
        <translation>점검</translation>
    </message>
    <message>
        <source>Load the data and compare it with the model</source>
        <translation>데이터를 불러와 모델과 맞는지 비교합니다</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>훈련</translation>
    </message>
    <message>
        <source>Build the model with fresh weights and train it</source>
        <translation>새 가중치로 모델을 만들어 훈련합니다</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Pause after the current batch</source>
        <translation>현재 배치가 끝나면 일시 정지합니다</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>End after the current batch; the weights trained so far are kept</source>
        <translation>현재 배치가 끝나면 훈련을 끝냅니다. 지금까지 훈련된 가중치는 남습니다</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>평가</translation>
    </message>
    <message>
        <source>Evaluate on the test split</source>
        <translation>테스트 데이터로 평가합니다</translation>
    </message>
    <message>
        <source>Save model…</source>
        <translation>모델 저장…</translation>
    </message>
    <message>
        <source>Save the trained model (.keras or .h5)</source>
        <translation>훈련된 모델을 저장합니다 (.keras 또는 .h5)</translation>
    </message>
    <message>
        <source>Export script…</source>
        <translation>스크립트 내보내기…</translation>
    </message>
    <message>
        <source>A Python script that reproduces this run on its own</source>
        <translation>이 실행을 그대로 재현하는 독립 실행형 Python 스크립트</translation>
    </message>
    <message>
        <source>Start from the file&apos;s weights</source>
        <translation>파일의 가중치에서 시작</translation>
    </message>
    <message>
        <source>Compare with previous run</source>
        <translation>이전 실행과 비교</translation>
    </message>
    <message>
        <source>Draw the previous run&apos;s epoch curves beside this one&apos;s</source>
        <translation>이번 실행의 곡선 옆에 이전 실행의 에포크 곡선을 그립니다</translation>
    </message>
    <message>
        <source>Choose a data set and press Train.</source>
        <translation>데이터셋을 고르고 훈련을 누르세요.</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>곡선</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>직접 해 보기</translation>
    </message>
    <message>
        <source>Try the trained model on your own drawing, picture, numbers or text</source>
        <translation>훈련된 모델에 직접 그린 그림, 사진, 숫자나 글을 넣어 봅니다</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>The model has changed since it was trained: train it again, or tick &apos;Go on from the trained weights&apos; to keep the layers you did not change.</source>
        <translation>훈련한 뒤 모델이 바뀌었습니다. 다시 훈련하거나, 바꾸지 않은 층을 그대로 두려면 &apos;훈련된 가중치에서 계속&apos;을 체크하세요.</translation>
    </message>
    <message>
        <source>The model has changed since it was trained: train it again.</source>
        <translation>훈련한 뒤 모델이 바뀌었습니다. 다시 훈련하세요.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
    <message>
        <source>Train the model first.</source>
        <translation>먼저 모델을 훈련하세요.</translation>
    </message>
    <message>
        <source>Build the model from the file&apos;s weights and train it</source>
        <translation>파일의 가중치로 모델을 만들어 훈련합니다</translation>
    </message>
    <message>
        <source>Go on training from the trained weights (changed layers start fresh)</source>
        <translation>훈련된 가중치에서 이어서 훈련합니다 (바뀐 층은 새로 시작합니다)</translation>
    </message>
    <message>
        <source>Out of date: these figures are from run {number}, for the model as it was then.</source>
        <translation>최신 아님: 이 결과는 실행 {number}에서 나온 것으로, 그때의 모델에 대한 것입니다.</translation>
    </message>
    <message>
        <source>Out of date: these figures are from the last run, for the model as it was then.</source>
        <translation>최신 아님: 이 결과는 지난 실행에서 나온 것으로, 그때의 모델에 대한 것입니다.</translation>
    </message>
    <message>
        <source>Go on from the trained weights</source>
        <translation>훈련된 가중치에서 계속</translation>
    </message>
    <message>
        <source>Train and evaluate from the weights saved in the opened model file, not fresh ones.</source>
        <translation>새 가중치 대신 연 모델 파일에 저장된 가중치로 훈련하고 평가합니다.</translation>
    </message>
    <message>
        <source>Train on from the weights the last run left, not fresh ones.</source>
        <translation>새 가중치 대신 지난 실행이 남긴 가중치에서 이어서 훈련합니다.</translation>
    </message>
    <message>
        <source>A layer you changed since so that its weights no longer fit starts fresh.</source>
        <translation>그 뒤로 바꾸어서 가중치가 더 이상 맞지 않는 층은 새로 시작합니다.</translation>
    </message>
    <message>
        <source>The model has changed since that message: press Check or Train to try it again.</source>
        <translation>그 메시지 이후 모델이 바뀌었습니다. 다시 해 보려면 점검이나 훈련을 누르세요.</translation>
    </message>
</context>
<context>
    <name>TrainingSettings</name>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>activation: {activation}</source>
        <translation>활성화 함수: {activation}</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>auto: {loss}, suggested by the output layer&apos;s {activation} activation</source>
        <translation>자동: {loss} (출력층의 활성화 함수 {activation}에 맞춰 추천)</translation>
    </message>
    <message>
        <source>{output}: {loss} (from its {activation} activation)</source>
        <translation>{output}: {loss} (활성화 함수 {activation} 기준)</translation>
    </message>
    <message>
        <source>auto picks {choices}</source>
        <translation>자동 선택: {choices}</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>Checking the data against the model…</source>
        <translation>데이터가 모델에 맞는지 확인하는 중…</translation>
    </message>
    <message>
        <source>The model is not ready yet: try again in a moment.</source>
        <translation>모델이 아직 준비되지 않았습니다. 잠시 후 다시 해 보세요.</translation>
    </message>
</context>
<context>
    <name>TrialsTable</name>
    <message>
        <source>finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>best {figure}</source>
        <translation>최고 {figure}</translation>
    </message>
    <message>
        <source>Best figure</source>
        <translation>최고 수치</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>시도</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Best epoch</source>
        <translation>최고 에포크</translation>
    </message>
    <message>
        <source>The best value of {figure} over the trial&apos;s epochs: what the search compares.</source>
        <translation>이 시도의 모든 에포크 중 {figure}의 최고값입니다. 탐색은 이 값으로 비교합니다.</translation>
    </message>
    <message>
        <source>Not finished: a resumed search runs it again.</source>
        <translation>끝나지 않았습니다. 탐색을 이어서 하면 다시 실행합니다.</translation>
    </message>
    <message>
        <source>Trial {n}</source>
        <translation>시도 {n}</translation>
    </message>
    <message>
        <source>The best trial so far</source>
        <translation>지금까지의 최고 시도</translation>
    </message>
</context>
<context>
    <name>TryItControl</name>
    <message>
        <source>There is no model to try: draw one or open a template first.</source>
        <translation>시험해 볼 모델이 없습니다. 먼저 모델을 그리거나 템플릿을 여세요.</translation>
    </message>
    <message>
        <source>Wait until the job ends: Try it uses the weights it leaves.</source>
        <translation>작업이 끝날 때까지 기다리세요. 직접 해 보기는 그 작업이 남긴 가중치를 사용합니다.</translation>
    </message>
    <message>
        <source>Train the model first: Try it needs trained weights (or a model file that has them).</source>
        <translation>먼저 모델을 훈련하세요. 직접 해 보기에는 훈련된 가중치(또는 가중치가 든 모델 파일)가 필요합니다.</translation>
    </message>
    <message>
        <source>Getting the model ready…</source>
        <translation>모델을 준비하는 중…</translation>
    </message>
    <message>
        <source>Train the model first.</source>
        <translation>먼저 모델을 훈련하세요.</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>생각하는 중…</translation>
    </message>
    <message>
        <source>The data set chosen in the Data tab does not fit this model ({reason}), so your input goes in as it is (pictures in 0-255): choose the data set it was trained on to scale it the same way.</source>
        <translation>데이터 탭에서 고른 데이터셋이 이 모델에 맞지 않아서({reason}) 입력이 그대로(그림은 0-255 범위) 들어갑니다. 같은 방식으로 스케일을 조정하려면 모델을 훈련한 데이터셋을 고르세요.</translation>
    </message>
    <message>
        <source>kbuilder does not know how this model&apos;s training data was scaled, so your input goes in as it is (pictures in 0-255): choose the data set it was trained on in the Data tab to scale it the same way.</source>
        <translation>kbuilder는 이 모델의 훈련 데이터가 어떻게 스케일 조정되었는지 모르므로 입력이 그대로(그림은 0-255 범위) 들어갑니다. 같은 방식으로 스케일을 조정하려면 데이터 탭에서 모델을 훈련한 데이터셋을 고르세요.</translation>
    </message>
    <message>
        <source>Saved the model to {path}. It takes raw inputs (pictures in 0-255, a CSV&apos;s own columns): the data&apos;s scaling is inside the model.</source>
        <translation>모델을 저장했습니다: {path}. 이 모델은 원본 입력(0-255 범위의 그림, CSV의 원래 열)을 그대로 받습니다. 데이터의 스케일 조정이 모델 안에 들어 있습니다.</translation>
    </message>
    <message>
        <source>Saved the model to {path}.</source>
        <translation>모델을 저장했습니다: {path}</translation>
    </message>
    <message>
        <source>saved {path}</source>
        <translation>저장함: {path}</translation>
    </message>
</context>
<context>
    <name>TryItView</name>
    <message>
        <source>Predict</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>Run the model on this input (Ctrl+Enter)</source>
        <translation>이 입력으로 모델을 실행합니다 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Train the model first: Try it needs trained weights.</source>
        <translation>먼저 모델을 훈련하세요. 직접 해 보기에는 훈련된 가중치가 필요합니다.</translation>
    </message>
    <message>
        <source>Draw on the pad with the mouse, or open a picture: the model says what it sees.</source>
        <translation>마우스로 패드에 그리거나 그림을 여세요. 모델이 무엇으로 보이는지 알려 줍니다.</translation>
    </message>
    <message>
        <source>Change the numbers, then press Predict: the model answers for this row.</source>
        <translation>숫자를 바꾼 다음 예측을 누르세요. 모델이 이 행에 대한 답을 내놓습니다.</translation>
    </message>
    <message>
        <source>Write a text, then press Predict: the model says what it makes of it.</source>
        <translation>글을 쓴 다음 예측을 누르세요. 모델이 그 글을 어떻게 판단하는지 알려 줍니다.</translation>
    </message>
    <message>
        <source>Try it shows models with one input of pictures, numbers or text.</source>
        <translation>직접 해 보기는 그림, 숫자, 글 가운데 하나를 입력 하나로 받는 모델에서 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>This model&apos;s input is not a picture, a row of numbers or a text, so there is nothing to draw or fill in here. Use &apos;kbuilder predict MODEL --input FILE.npz&apos; with an array for each input.</source>
        <translation>이 모델의 입력은 그림도, 숫자 행도, 글도 아니어서 여기서 그리거나 채울 것이 없습니다. 입력마다 배열을 하나씩 담아 &apos;kbuilder predict MODEL --input FILE.npz&apos;를 사용하세요.</translation>
    </message>
    <message>
        <source>Draw on the pad with the mouse, or open a picture: the model sees grey pictures of {h}×{w} pixels.</source>
        <translation>마우스로 패드에 그리거나 그림을 여세요. 모델은 {h}×{w} 픽셀의 흑백 그림을 봅니다.</translation>
    </message>
    <message>
        <source>Draw on the pad with the mouse, or open a picture: the model sees colour pictures of {h}×{w} pixels.</source>
        <translation>마우스로 패드에 그리거나 그림을 여세요. 모델은 {h}×{w} 픽셀의 컬러 그림을 봅니다.</translation>
    </message>
    <message>
        <source>number {n}</source>
        <translation>숫자 {n}</translation>
    </message>
    <message>
        <source>The fields hold a real row of the training data. Change the numbers, then press Predict.</source>
        <translation>칸에는 훈련 데이터의 실제 행이 들어 있습니다. 숫자를 바꾼 다음 예측을 누르세요.</translation>
    </message>
    <message>
        <source>Trained on: {name}.</source>
        <translation>훈련 데이터: {name}.</translation>
    </message>
    <message>
        <source>Open a picture to try the model on</source>
        <translation>모델을 시험할 그림 열기</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.bmp);;Rows of numbers or arrays (*.csv *.npy *.npz);;All files (*)</source>
        <translation>그림 (*.png *.jpg *.jpeg *.bmp);;숫자 행 또는 배열 (*.csv *.npy *.npz);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>The file holds {n} inputs: this is the answer for the first.</source>
        <translation>파일에 입력이 {n}개 들어 있습니다. 이것은 첫 번째 입력에 대한 답입니다.</translation>
    </message>
</context>
<context>
    <name>TrySeveralDialog</name>
    <message>
        <source>Try several values</source>
        <translation>여러 값 시도</translation>
    </message>
    <message>
        <source>Which values of {what} should the search try?</source>
        <translation>탐색에서 {what}의 어떤 값들을 시도할까요?</translation>
    </message>
    <message>
        <source>Write values separated by commas, such as 16, 32, 64. For numbers you can also write a range LO..HI: add :log for steps that multiply (0.0001..0.01:log) or a step such as :16 (16..128:16).</source>
        <translation>16, 32, 64처럼 쉼표로 구분해 값을 쓰세요. 숫자는 최소..최대(LO..HI) 범위로 쓸 수도 있습니다. 로그 간격(배수로 늘어나는 값)이면 :log를 붙이고(0.0001..0.01:log), 일정한 간격이면 :16처럼 간격을 붙이세요(16..128:16).</translation>
    </message>
    <message>
        <source>Try these values</source>
        <translation>이 값들 시도</translation>
    </message>
    <message>
        <source>Stop trying several</source>
        <translation>여러 값 시도 그만두기</translation>
    </message>
    <message>
        <source>Remove the mark: the search no longer varies this setting.</source>
        <translation>표시를 지웁니다. 탐색에서 이 설정을 더 이상 바꾸지 않습니다.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>확인하는 중…</translation>
    </message>
</context>
<context>
    <name>UndoAdapter</name>
    <message>
        <source>edit</source>
        <translation>편집</translation>
    </message>
</context>
<context>
    <name>action_buttons</name>
    <message>
        <source>This view cannot change the model.</source>
        <translation>이 화면에서는 모델을 바꿀 수 없습니다.</translation>
    </message>
    <message>
        <source>The training settings are not available here.</source>
        <translation>여기서는 훈련 설정을 사용할 수 없습니다.</translation>
    </message>
    <message>
        <source>The model has changed: this fix no longer applies.</source>
        <translation>모델이 바뀌어서 이 수정은 더 이상 적용되지 않습니다.</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new model with one Input layer</source>
        <translation>Input 층 하나로 새 모델을 시작합니다</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a kbuilder project or a Keras model (.kbproj, .json, .h5, .keras, saved_model.pb)</source>
        <translation>kbuilder 프로젝트나 Keras 모델을 엽니다 (.kbproj, .json, .h5, .keras, saved_model.pb)</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>폴더 열기(&amp;F)…</translation>
    </message>
    <message>
        <source>Open a TensorFlow SavedModel folder, as model.save(&quot;my_model&quot;) writes with TensorFlow 2 and Keras 2</source>
        <translation>TensorFlow 2와 Keras 2에서 model.save(&quot;my_model&quot;)로 저장한 TensorFlow SavedModel 폴더를 엽니다</translation>
    </message>
    <message>
        <source>Load custom &amp;layer code…</source>
        <translation>사용자 정의 층 코드 불러오기(&amp;L)…</translation>
    </message>
    <message>
        <source>Load the Python file that defines your own layer classes, so that their placeholders become real layers (this runs the code in that file: you are asked first)</source>
        <translation>직접 만든 층 클래스를 정의한 Python 파일을 불러와 대체 층을 실제 층으로 바꿉니다 (그 파일의 코드가 실행되므로 먼저 확인을 받습니다)</translation>
    </message>
    <message>
        <source>&amp;Templates…</source>
        <translation>템플릿(&amp;T)…</translation>
    </message>
    <message>
        <source>Start from a ready-made example model</source>
        <translation>미리 만들어 둔 예제 모델로 시작합니다</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save the project</source>
        <translation>프로젝트를 저장합니다</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the project under a new name</source>
        <translation>프로젝트를 새 이름으로 저장합니다</translation>
    </message>
    <message>
        <source>Export Python &amp;code…</source>
        <translation>Python 코드 내보내기(&amp;C)…</translation>
    </message>
    <message>
        <source>Write the model as a Python script that builds it with Keras</source>
        <translation>Keras로 모델을 만드는 Python 스크립트로 내보냅니다</translation>
    </message>
    <message>
        <source>Export Keras &amp;model…</source>
        <translation>Keras 모델 내보내기(&amp;M)…</translation>
    </message>
    <message>
        <source>Build the model and save it as .keras or .h5</source>
        <translation>모델을 만들어 .keras 또는 .h5 파일로 저장합니다</translation>
    </message>
    <message>
        <source>Export &amp;notebook…</source>
        <translation>노트북 내보내기(&amp;N)…</translation>
    </message>
    <message>
        <source>Write the training as a Jupyter notebook that runs on Colab or Kaggle, top to bottom</source>
        <translation>훈련 과정을 Colab이나 Kaggle에서 처음부터 끝까지 실행되는 Jupyter 노트북으로 내보냅니다</translation>
    </message>
    <message>
        <source>Export &amp;diagram…</source>
        <translation>다이어그램 내보내기(&amp;D)…</translation>
    </message>
    <message>
        <source>Save a picture of the canvas (PNG or SVG)</source>
        <translation>캔버스를 그림으로 저장합니다 (PNG 또는 SVG)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>Close kbuilder</source>
        <translation>kbuilder를 닫습니다</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>마지막 변경을 실행 취소합니다</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Redo the change you undid</source>
        <translation>실행 취소한 변경을 다시 실행합니다</translation>
    </message>
    <message>
        <source>Undo {change}</source>
        <translation>실행 취소: {change}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Redo {change}</source>
        <translation>다시 실행: {change}</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>잘라내기(&amp;T)</translation>
    </message>
    <message>
        <source>Cut the selected layers</source>
        <translation>선택한 층을 잘라냅니다</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected layers</source>
        <translation>선택한 층을 복사합니다</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>붙여넣기(&amp;P)</translation>
    </message>
    <message>
        <source>Paste layers (with fresh names)</source>
        <translation>층을 붙여 넣습니다 (새 이름이 붙습니다)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>복제(&amp;U)</translation>
    </message>
    <message>
        <source>Copy and paste the selected layers in one go</source>
        <translation>선택한 층을 한 번에 복사해서 붙여 넣습니다</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected layers and connections</source>
        <translation>선택한 층과 연결을 삭제합니다</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>모두 선택(&amp;A)</translation>
    </message>
    <message>
        <source>Select every layer</source>
        <translation>모든 층을 선택합니다</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>이름 바꾸기(&amp;R)…</translation>
    </message>
    <message>
        <source>Rename the selected layer</source>
        <translation>선택한 층의 이름을 바꿉니다</translation>
    </message>
    <message>
        <source>&amp;Find layer…</source>
        <translation>층 찾기(&amp;F)…</translation>
    </message>
    <message>
        <source>Search the layer palette</source>
        <translation>층 팔레트에서 검색합니다</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom in (or use the mouse wheel)</source>
        <translation>확대합니다 (마우스 휠로도 됩니다)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom out (or use the mouse wheel)</source>
        <translation>축소합니다 (마우스 휠로도 됩니다)</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>실제 크기(&amp;A)</translation>
    </message>
    <message>
        <source>Show the canvas at 100 %</source>
        <translation>캔버스를 100 %로 봅니다</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>창에 맞추기(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom so the whole model fits the window</source>
        <translation>모델 전체가 창에 들어오도록 확대/축소합니다</translation>
    </message>
    <message>
        <source>Auto &amp;layout</source>
        <translation>자동 배치(&amp;L)</translation>
    </message>
    <message>
        <source>Arrange the layers top to bottom in the order data flows (undoable)</source>
        <translation>데이터가 흐르는 순서대로 층을 위에서 아래로 배치합니다 (실행 취소할 수 있습니다)</translation>
    </message>
    <message>
        <source>Draw the model: the canvas with the layers, Inspector, Issues and Summary</source>
        <translation>모델 그리기: 캔버스와 층 팔레트, 속성, 문제, 요약</translation>
    </message>
    <message>
        <source>The Python code that builds the model</source>
        <translation>모델을 만드는 Python 코드</translation>
    </message>
    <message>
        <source>Train the model and read its results</source>
        <translation>모델을 훈련하고 결과를 확인합니다</translation>
    </message>
    <message>
        <source>Search for the best values of the settings marked &apos;try several&apos;, and compare runs</source>
        <translation>&apos;여러 값 시도&apos;로 표시한 설정의 최적값을 탐색하고 실행을 비교합니다</translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation>만들기(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>코드(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>훈련(&amp;T)</translation>
    </message>
    <message>
        <source>E&amp;xperiments</source>
        <translation>실험(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Restore default layout</source>
        <translation>기본 배치로 되돌리기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About kbuilder</source>
        <translation>kbuilder 정보(&amp;A)</translation>
    </message>
    <message>
        <source>The version of kbuilder and of the libraries it uses</source>
        <translation>kbuilder와 kbuilder가 쓰는 라이브러리의 버전</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <source>Apply the suggested fi&amp;x</source>
        <translation>제안된 수정 적용(&amp;X)</translation>
    </message>
    <message>
        <source>&lt;b&gt;kbuilder {version}&lt;/b&gt;&lt;br&gt;Build Keras models by drawing them: stack and wire layers, read their shapes, train with live curves, export the Python code and open the .h5 and .keras files you have.&lt;br&gt;&lt;br&gt;Keras {keras} · TensorFlow {tensorflow} · PySide6 {pyside} · pyqtgraph {pyqtgraph}&lt;br&gt;&lt;br&gt;The README in the kbuilder folder explains every mode and the command line.</source>
        <translation>&lt;b&gt;kbuilder {version}&lt;/b&gt;&lt;br&gt;Keras 모델을 그려서 만듭니다. 층을 쌓고 연결하고, 크기를 확인하고, 실시간 곡선을 보며 훈련하고, Python 코드로 내보내고, 가지고 있는 .h5와 .keras 파일을 열 수 있습니다.&lt;br&gt;&lt;br&gt;Keras {keras} · TensorFlow {tensorflow} · PySide6 {pyside} · pyqtgraph {pyqtgraph}&lt;br&gt;&lt;br&gt;kbuilder 폴더의 README에 모든 모드와 명령줄 사용법이 설명되어 있습니다.</translation>
    </message>
    <message>
        <source>About kbuilder</source>
        <translation>kbuilder 정보</translation>
    </message>
    <message>
        <source>Put the panels back where they were at the first start</source>
        <translation>패널을 처음 시작할 때의 위치로 되돌립니다</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>Show or hide the {panel} panel</source>
        <translation>{panel} 패널 보이기/숨기기</translation>
    </message>
    <message>
        <source>Modes</source>
        <translation>모드</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>기본 도구</translation>
    </message>
    <message>
        <source>No fix to apply: the Issues panel offers one when a problem has a mechanical repair</source>
        <translation>적용할 수정이 없습니다. 기계적으로 고칠 수 있는 문제가 있으면 문제 패널에서 수정을 제안합니다</translation>
    </message>
    <message>
        <source>Apply the first fix of the selected problem in the Issues panel (as one undo step)</source>
        <translation>문제 패널에서 선택한 문제의 첫 번째 수정을 적용합니다 (한 번에 실행 취소할 수 있습니다)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Build Keras models by drawing them.</source>
        <extracomment>What the app needs at run time: (package to install, the distributions that provide it).</extracomment>
        <translation>Keras 모델을 그려서 만듭니다.</translation>
    </message>
    <message>
        <source>a .kbproj project or a Keras model (.json, .h5, .keras) to open</source>
        <translation>열 .kbproj 프로젝트 또는 Keras 모델 (.json, .h5, .keras)</translation>
    </message>
    <message>
        <source>do not offer to restore autosaved work</source>
        <translation>자동 저장된 작업을 복구할지 묻지 않습니다</translation>
    </message>
</context>
<context>
    <name>building</name>
    <message>
        <source>A setting kbuilder has no editor for; edited as JSON.</source>
        <translation>kbuilder에 전용 편집기가 없는 설정입니다. JSON으로 편집합니다.</translation>
    </message>
</context>
<context>
    <name>cards</name>
    <message>
        <source>Input is where data enters the model. It learns nothing: it says the shape of one sample, and Keras puts the batch size (None) in front of it.</source>
        <translation>Input은 데이터가 모델로 들어오는 곳입니다. 아무것도 학습하지 않으며, 샘플 하나의 크기를 정할 뿐입니다. Keras가 그 앞에 배치 크기(None)를 붙입니다.</translation>
    </message>
    <message>
        <source>Every model starts with one. Give the shape of one sample without the batch: 28, 28, 1 for a 28×28 grey picture, 13 for a table row of 13 numbers.</source>
        <translation>모든 모델은 Input 하나로 시작합니다. 배치를 뺀 샘플 하나의 크기를 입력하세요. 28×28 흑백 이미지라면 28, 28, 1, 숫자 13개로 된 표의 한 행이라면 13입니다.</translation>
    </message>
    <message>
        <source>Dense connects every number it receives to each of its units. Each unit multiplies the inputs by its own weights, adds a bias and applies the activation, so units is how many numbers it gives.</source>
        <translation>Dense는 받은 모든 숫자를 각 유닛에 연결합니다. 유닛마다 입력에 자신의 가중치를 곱하고 편향을 더한 뒤 활성화 함수를 적용하므로, units는 이 층이 내놓는 숫자의 개수입니다.</translation>
    </message>
    <message>
        <source>Use it for tables of numbers and as the last layers of most models. The last Dense of a classifier has one unit per class with softmax; to predict one number, use 1 unit and no activation.</source>
        <translation>숫자로 된 표 데이터에, 그리고 대부분의 모델에서 마지막 층들로 사용하세요. 분류 모델의 마지막 Dense는 클래스마다 유닛을 하나씩 두고 softmax를 씁니다. 숫자 하나를 예측하려면 유닛 1개에 활성화 함수 없이 쓰세요.</translation>
    </message>
    <message>
        <source>Activation applies a function to every number separately, such as relu (negative numbers become 0) or softmax (numbers become probabilities that add up to 1). It learns nothing and keeps the shape.</source>
        <translation>Activation은 relu(음수는 0이 됨)나 softmax(숫자들이 합이 1인 확률이 됨) 같은 함수를 각 숫자에 따로따로 적용합니다. 아무것도 학습하지 않으며 크기를 그대로 유지합니다.</translation>
    </message>
    <message>
        <source>Use it when you want the activation as a step of its own, for example after BatchNormalization; most layers can also take an activation setting themselves.</source>
        <translation>예를 들어 BatchNormalization 뒤처럼, 활성화 함수를 별도의 단계로 두고 싶을 때 사용하세요. 대부분의 층은 activation 설정으로 활성화 함수를 직접 적용할 수도 있습니다.</translation>
    </message>
    <message>
        <source>Flatten lays out everything one sample holds as one long vector. It learns nothing: a sample of 5×5×64 numbers becomes a vector of 1600.</source>
        <translation>Flatten은 샘플 하나에 담긴 모든 숫자를 하나의 긴 벡터로 펼칩니다. 아무것도 학습하지 않습니다. 5×5×64개의 숫자로 된 샘플은 길이 1600인 벡터가 됩니다.</translation>
    </message>
    <message>
        <source>After convolution and pooling layers, before Dense: Flatten turns each sample&apos;s feature maps into the one long vector that Dense expects.</source>
        <translation>합성곱 층과 풀링 층 뒤, Dense 앞에 둡니다. Flatten은 각 샘플의 특성 맵을 Dense가 기대하는 하나의 긴 벡터로 바꿉니다.</translation>
    </message>
    <message>
        <source>Reshape arranges the numbers of each sample in a new shape without changing them. The new shape must hold exactly as many numbers as the old one; one size may be -1, and Keras works it out.</source>
        <translation>Reshape은 각 샘플의 숫자를 바꾸지 않고 새로운 크기로 배열합니다. 새 크기에 담기는 숫자의 개수는 원래와 정확히 같아야 합니다. 크기 하나는 -1로 둘 수 있으며, 그러면 Keras가 알아서 계산합니다.</translation>
    </message>
    <message>
        <source>Use it to add a channel axis to pictures (28, 28 becomes 28, 28, 1) or to turn a vector back into a grid, as in the decoder of an autoencoder.</source>
        <translation>이미지에 채널 축을 추가하거나(28, 28이 28, 28, 1이 됨), 오토인코더의 디코더처럼 벡터를 다시 격자로 되돌릴 때 사용하세요.</translation>
    </message>
    <message>
        <source>Permute puts the axes of each sample in another order, for example dims 2, 1 swaps steps and features. The batch axis stays first and is not counted.</source>
        <translation>Permute는 각 샘플의 축 순서를 바꿉니다. 예를 들어 dims가 2, 1이면 스텝과 특성을 맞바꿉니다. 배치 축은 항상 맨 앞에 남으며 세지 않습니다.</translation>
    </message>
    <message>
        <source>Use it when the next layer needs the axes in another order, for example to read the columns of a picture as a sequence.</source>
        <translation>다음 층에 다른 순서의 축이 필요할 때 사용하세요. 예를 들어 이미지의 열을 시퀀스로 읽게 할 수 있습니다.</translation>
    </message>
    <message>
        <source>RepeatVector repeats one vector n times, so each sample becomes a sequence of n equal steps. It learns nothing.</source>
        <translation>RepeatVector는 벡터 하나를 n번 반복하므로, 각 샘플은 똑같은 스텝 n개로 된 시퀀스가 됩니다. 아무것도 학습하지 않습니다.</translation>
    </message>
    <message>
        <source>Use it between an encoder and a decoder in sequence-to-sequence models, to give a recurrent decoder the encoder&apos;s summary at every step.</source>
        <translation>sequence-to-sequence 모델에서 인코더와 디코더 사이에 두어, 순환 디코더가 모든 스텝에서 인코더의 요약을 받게 할 때 사용하세요.</translation>
    </message>
    <message>
        <source>Conv1D slides a short window (kernel_size steps) along a sequence and computes filters numbers at each position. Each filter learns one local pattern, such as a shape in a signal or a group of words.</source>
        <translation>Conv1D는 짧은 윈도(kernel_size 스텝)를 시퀀스를 따라 밀면서 위치마다 숫자를 filters개 계산합니다. 필터마다 신호 속의 모양이나 단어 묶음 같은 국소적인 패턴 하나를 학습합니다.</translation>
    </message>
    <message>
        <source>Use it for sequences: text after Embedding, sound, sensor readings, time series. It is faster than LSTM and often works well before one.</source>
        <translation>Embedding 뒤의 텍스트, 소리, 센서 측정값, 시계열 같은 시퀀스에 사용하세요. LSTM보다 빠르며, LSTM 앞에 두면 좋은 결과를 내는 경우가 많습니다.</translation>
    </message>
    <message>
        <source>Conv2D slides a small window (kernel_size, for example 3×3) over the picture and computes one feature map per filter. Each filter learns to find one pattern, such as an edge or a texture, wherever it appears. With padding valid the maps lose kernel_size - 1 rows and columns (26×26 from 28×28 with 3×3); padding same keeps the size.</source>
        <translation>Conv2D는 작은 윈도(kernel_size, 예: 3×3)를 이미지 위로 밀면서 필터마다 특성 맵을 하나씩 계산합니다. 필터마다 모서리나 질감 같은 패턴 하나를, 그 패턴이 어디에 나타나든 찾아내도록 학습합니다. padding이 valid이면 맵의 행과 열이 kernel_size - 1개씩 줄어들고(3×3이면 28×28에서 26×26), padding이 same이면 크기가 유지됩니다.</translation>
    </message>
    <message>
        <source>The main layer for pictures: stack Conv2D and MaxPooling2D, then Flatten or GlobalAveragePooling2D before Dense.</source>
        <translation>이미지를 다루는 핵심 층입니다. Conv2D와 MaxPooling2D를 쌓은 다음, Dense 앞에 Flatten이나 GlobalAveragePooling2D를 두세요.</translation>
    </message>
    <message>
        <source>Conv2DTranspose works like Conv2D in reverse: it spreads each position over a window, so with strides 2 and padding same the feature maps become twice as wide and high. It learns its weights like a convolution.</source>
        <translation>Conv2DTranspose는 Conv2D를 거꾸로 한 것처럼 동작합니다. 각 위치를 윈도 하나로 펼치므로, strides가 2이고 padding이 same이면 특성 맵의 너비와 높이가 두 배가 됩니다. 합성곱처럼 가중치를 학습합니다.</translation>
    </message>
    <message>
        <source>Use it to make pictures larger again: in the decoder of an autoencoder, in image segmentation, or in the generator of a GAN.</source>
        <translation>이미지를 다시 크게 만들 때 사용하세요. 오토인코더의 디코더, 이미지 분할(segmentation), GAN의 생성자에서 씁니다.</translation>
    </message>
    <message>
        <source>SeparableConv2D does the work of Conv2D in two cheaper steps: first one small filter per channel, then a 1×1 convolution that mixes the channels. It has far fewer weights.</source>
        <translation>SeparableConv2D는 Conv2D가 하는 일을 더 가벼운 두 단계로 나누어 합니다. 먼저 채널마다 작은 필터를 하나씩 적용하고, 그다음 1×1 합성곱으로 채널들을 섞습니다. 가중치가 훨씬 적습니다.</translation>
    </message>
    <message>
        <source>Use it in place of Conv2D in larger image models (as Xception does) when Conv2D makes the model too big or too slow.</source>
        <translation>큰 이미지 모델에서 Conv2D 때문에 모델이 너무 커지거나 느려질 때 Conv2D 대신 사용하세요(Xception이 이렇게 합니다).</translation>
    </message>
    <message>
        <source>MaxPooling1D keeps the largest value of each window of pool_size steps, so the sequence gets shorter (half as long with pool_size 2). It learns nothing.</source>
        <translation>MaxPooling1D는 pool_size 스텝짜리 윈도마다 가장 큰 값만 남기므로 시퀀스가 짧아집니다(pool_size가 2이면 절반). 아무것도 학습하지 않습니다.</translation>
    </message>
    <message>
        <source>Use it between Conv1D layers to shorten sequences while keeping the strongest signals.</source>
        <translation>Conv1D 층들 사이에 두어, 가장 강한 신호는 남기면서 시퀀스를 줄일 때 사용하세요.</translation>
    </message>
    <message>
        <source>AveragePooling1D replaces each window of pool_size steps by its average, so the sequence gets shorter. It learns nothing.</source>
        <translation>AveragePooling1D는 pool_size 스텝짜리 윈도를 각각 그 평균값으로 바꾸므로 시퀀스가 짧아집니다. 아무것도 학습하지 않습니다.</translation>
    </message>
    <message>
        <source>Use it between Conv1D layers to shorten sequences smoothly; MaxPooling1D is the more common choice.</source>
        <translation>Conv1D 층들 사이에 두어 시퀀스를 부드럽게 줄일 때 사용하세요. 보통은 MaxPooling1D를 더 많이 씁니다.</translation>
    </message>
    <message>
        <source>MaxPooling2D keeps the largest value of each pool_size window (2×2 by default) of every feature map, so the maps get smaller: half as wide and high with 2×2. It learns nothing.</source>
        <translation>MaxPooling2D는 모든 특성 맵에서 pool_size 윈도(기본값 2×2)마다 가장 큰 값만 남기므로 맵이 작아집니다. 2×2이면 너비와 높이가 절반이 됩니다. 아무것도 학습하지 않습니다.</translation>
    </message>
    <message>
        <source>Use it after one or two Conv2D layers: it cuts the computation and makes the model care less about exactly where a pattern is.</source>
        <translation>Conv2D 층 한두 개 뒤에 사용하세요. 계산량을 줄이고, 패턴이 정확히 어디에 있는지에 모델이 덜 민감해지게 합니다.</translation>
    </message>
    <message>
        <source>AveragePooling2D replaces each pool_size window of every feature map by its average, so the maps get smaller. It learns nothing.</source>
        <translation>AveragePooling2D는 모든 특성 맵에서 pool_size 윈도를 각각 그 평균값으로 바꾸므로 맵이 작아집니다. 아무것도 학습하지 않습니다.</translation>
    </message>
    <message>
        <source>Use it where MaxPooling2D would go when you want a smoother summary of each region; MaxPooling2D is the more common choice.</source>
        <translation>각 영역을 더 부드럽게 요약하고 싶을 때 MaxPooling2D 자리에 사용하세요. 보통은 MaxPooling2D를 더 많이 씁니다.</translation>
    </message>
    <message>
        <source>GlobalAveragePooling1D averages each feature over all the steps of a sequence, so each sample becomes one vector. It learns nothing and works for sequences of any length.</source>
        <translation>GlobalAveragePooling1D는 시퀀스의 모든 스텝에 걸쳐 특성마다 평균을 내므로, 각 샘플이 벡터 하나가 됩니다. 아무것도 학습하지 않으며, 길이에 상관없이 어떤 시퀀스에도 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>After Embedding, Conv1D or attention layers, before Dense: it turns a whole sequence into one vector to classify.</source>
        <translation>Embedding, Conv1D, 어텐션 층 뒤, Dense 앞에 둡니다. 시퀀스 전체를 분류할 벡터 하나로 바꿉니다.</translation>
    </message>
    <message>
        <source>GlobalMaxPooling1D keeps the largest value of each feature over all the steps of a sequence, so each sample becomes one vector. It learns nothing.</source>
        <translation>GlobalMaxPooling1D는 시퀀스의 모든 스텝에 걸쳐 특성마다 가장 큰 값만 남기므로, 각 샘플이 벡터 하나가 됩니다. 아무것도 학습하지 않습니다.</translation>
    </message>
    <message>
        <source>After Conv1D, before Dense, when what matters is whether a pattern appears anywhere in the sequence.</source>
        <translation>Conv1D 뒤, Dense 앞에 둡니다. 패턴이 시퀀스 어딘가에 나타나는지가 중요할 때 사용하세요.</translation>
    </message>
    <message>
        <source>GlobalAveragePooling2D averages each feature map into one number, so each sample becomes a vector with one number per channel. It learns nothing.</source>
        <translation>GlobalAveragePooling2D는 특성 맵마다 평균을 내어 숫자 하나로 만들므로, 각 샘플이 채널마다 숫자 하나씩인 벡터가 됩니다. 아무것도 학습하지 않습니다.</translation>
    </message>
    <message>
        <source>After the last convolution layers, before Dense: it replaces Flatten with far fewer weights in the next Dense, and works for pictures of any size.</source>
        <translation>마지막 합성곱 층들 뒤, Dense 앞에 둡니다. Flatten 대신 쓰면 다음 Dense의 가중치가 훨씬 적어지고, 어떤 크기의 이미지에도 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>GlobalMaxPooling2D keeps the largest value of each feature map, so each sample becomes a vector with one number per channel. It learns nothing.</source>
        <translation>GlobalMaxPooling2D는 특성 맵마다 가장 큰 값만 남기므로, 각 샘플이 채널마다 숫자 하나씩인 벡터가 됩니다. 아무것도 학습하지 않습니다.</translation>
    </message>
    <message>
        <source>After convolution layers, before Dense, when what matters is whether a pattern appears anywhere in the picture, not how often.</source>
        <translation>합성곱 층들 뒤, Dense 앞에 둡니다. 패턴이 얼마나 자주 나타나는지가 아니라 이미지 어딘가에 나타나는지가 중요할 때 사용하세요.</translation>
    </message>
    <message>
        <source>UpSampling2D makes feature maps larger by repeating each row and column (size 2 doubles the width and height). It learns nothing.</source>
        <translation>UpSampling2D는 각 행과 열을 반복해서 특성 맵을 키웁니다(size가 2이면 너비와 높이가 두 배). 아무것도 학습하지 않습니다.</translation>
    </message>
    <message>
        <source>Use it in decoders and segmentation models, often followed by Conv2D; Conv2DTranspose does a similar job with weights it learns.</source>
        <translation>디코더와 분할(segmentation) 모델에서 사용하며, 흔히 뒤에 Conv2D를 붙입니다. Conv2DTranspose는 학습하는 가중치로 비슷한 일을 합니다.</translation>
    </message>
    <message>
        <source>ZeroPadding2D adds rows and columns of zeros around each feature map (padding on each side), so the maps get larger. It learns nothing.</source>
        <translation>ZeroPadding2D는 각 특성 맵의 둘레에 0으로 된 행과 열을 덧붙이므로(padding은 각 변에 붙일 양) 맵이 커집니다. 아무것도 학습하지 않습니다.</translation>
    </message>
    <message>
        <source>Use it to keep a size before a convolution or to make two branches the same size before joining them.</source>
        <translation>합성곱 앞에서 크기를 유지하거나, 두 갈래를 합치기 전에 크기를 맞출 때 사용하세요.</translation>
    </message>
    <message>
        <source>Cropping2D cuts rows and columns off the edges of each feature map (cropping on each side), so the maps get smaller. It learns nothing.</source>
        <translation>Cropping2D는 각 특성 맵의 가장자리에서 행과 열을 잘라 내므로(cropping은 각 변에서 자를 양) 맵이 작아집니다. 아무것도 학습하지 않습니다.</translation>
    </message>
    <message>
        <source>Use it to remove borders, or to make two branches the same size before joining them, as U-Net does.</source>
        <translation>테두리를 없애거나, U-Net처럼 두 갈래를 합치기 전에 크기를 맞출 때 사용하세요.</translation>
    </message>
    <message>
        <source>BatchNormalization rescales each feature to an average near 0 and a spread near 1, then learns a better scale and offset. In training it measures the current batch; when predicting it uses averages kept from training.</source>
        <translation>BatchNormalization은 각 특성의 평균이 0 근처, 표준편차가 1 근처가 되도록 값을 조정한 다음, 더 나은 스케일과 오프셋을 학습합니다. 훈련할 때는 현재 배치에서 측정하고, 예측할 때는 훈련 중에 저장해 둔 평균을 사용합니다.</translation>
    </message>
    <message>
        <source>Use it in deep networks, often between Conv2D or Dense and their activation: training gets faster and more stable.</source>
        <translation>깊은 신경망에서, 흔히 Conv2D나 Dense와 그 활성화 함수 사이에 사용하세요. 훈련이 더 빠르고 안정적이 됩니다.</translation>
    </message>
    <message>
        <source>LayerNormalization rescales the numbers of each sample on their own (over the last axis) to an average near 0 and a spread near 1, then learns a scale and an offset. It does not depend on the batch.</source>
        <translation>LayerNormalization은 각 샘플의 숫자들을 그 샘플 안에서(마지막 축을 따라) 평균 0 근처, 표준편차 1 근처로 조정한 다음, 스케일과 오프셋을 학습합니다. 배치에 의존하지 않습니다.</translation>
    </message>
    <message>
        <source>Use it in Transformers and recurrent networks, where BatchNormalization works poorly.</source>
        <translation>BatchNormalization이 잘 동작하지 않는 트랜스포머와 순환 신경망에서 사용하세요.</translation>
    </message>
    <message>
        <source>During training, Dropout sets a random part of its inputs to 0 at every step (rate 0.2 drops 20%) and scales the others up to make up for it. When the model predicts, it lets everything through.</source>
        <translation>훈련하는 동안 Dropout은 매 스텝마다 입력의 일부를 무작위로 0으로 만들고(rate가 0.2이면 20%), 그만큼 나머지 값을 키워 보정합니다. 모델이 예측할 때는 모든 값을 그대로 통과시킵니다.</translation>
    </message>
    <message>
        <source>Use it against overfitting, usually between Dense layers or after pooling; a rate between 0.2 and 0.5 is a good start.</source>
        <translation>과대적합을 막는 데 사용하세요. 보통 Dense 층들 사이나 풀링 뒤에 둡니다. rate는 0.2에서 0.5 사이로 시작하면 좋습니다.</translation>
    </message>
    <message>
        <source>During training, SpatialDropout1D drops whole features of a sequence instead of single numbers: a dropped feature is 0 at every step. When predicting it does nothing.</source>
        <translation>훈련하는 동안 SpatialDropout1D는 숫자 하나하나가 아니라 시퀀스의 특성 전체를 버립니다. 버려진 특성은 모든 스텝에서 0이 됩니다. 예측할 때는 아무 일도 하지 않습니다.</translation>
    </message>
    <message>
        <source>Use it after Embedding or Conv1D, where neighbouring steps are alike and plain Dropout helps little.</source>
        <translation>Embedding이나 Conv1D 뒤에 사용하세요. 이웃한 스텝끼리 비슷해서 일반 Dropout은 별 도움이 되지 않습니다.</translation>
    </message>
    <message>
        <source>During training, SpatialDropout2D drops whole feature maps instead of single pixels: a dropped map is 0 everywhere. When predicting it does nothing.</source>
        <translation>훈련하는 동안 SpatialDropout2D는 픽셀 하나하나가 아니라 특성 맵 전체를 버립니다. 버려진 맵은 모든 곳이 0이 됩니다. 예측할 때는 아무 일도 하지 않습니다.</translation>
    </message>
    <message>
        <source>Use it between Conv2D layers against overfitting, where neighbouring pixels are alike and plain Dropout helps little.</source>
        <translation>과대적합을 막기 위해 Conv2D 층들 사이에 사용하세요. 이웃한 픽셀끼리 비슷해서 일반 Dropout은 별 도움이 되지 않습니다.</translation>
    </message>
    <message>
        <source>During training, GaussianNoise adds random noise (of spread stddev) to every value. When predicting it lets the values through unchanged.</source>
        <translation>훈련하는 동안 GaussianNoise는 모든 값에 무작위 잡음(퍼진 정도는 stddev)을 더합니다. 예측할 때는 값을 바꾸지 않고 그대로 통과시킵니다.</translation>
    </message>
    <message>
        <source>Use it against overfitting on small data sets, or to make a model cope with noisy inputs, often right after the Input.</source>
        <translation>작은 데이터셋에서 과대적합을 막거나, 모델이 잡음 섞인 입력에 잘 대처하게 할 때 사용하세요. 흔히 Input 바로 뒤에 둡니다.</translation>
    </message>
    <message>
        <source>ReLU turns negative numbers into 0 and keeps positive ones. It learns nothing and keeps the shape.</source>
        <translation>ReLU는 음수를 0으로 바꾸고 양수는 그대로 둡니다. 아무것도 학습하지 않으며 크기를 그대로 유지합니다.</translation>
    </message>
    <message>
        <source>The usual activation between layers; as a layer of its own it is handy after BatchNormalization. max_value caps the output (6 gives ReLU6).</source>
        <translation>층 사이에 가장 흔히 쓰는 활성화 함수입니다. 별도의 층으로 두면 BatchNormalization 뒤에 쓰기 편합니다. max_value는 출력의 상한을 정합니다(6이면 ReLU6).</translation>
    </message>
    <message>
        <source>LeakyReLU keeps positive numbers and multiplies negative ones by a small slope (negative_slope), so that a unit never gets stuck at 0. It learns nothing and keeps the shape.</source>
        <translation>LeakyReLU는 양수는 그대로 두고 음수에는 작은 기울기(negative_slope)를 곱하므로, 유닛이 0에 갇혀 버리는 일이 없습니다. 아무것도 학습하지 않으며 크기를 그대로 유지합니다.</translation>
    </message>
    <message>
        <source>Try it in place of ReLU when many units stop learning, and in GANs.</source>
        <translation>많은 유닛이 학습을 멈출 때 ReLU 대신 써 보세요. GAN에서도 사용합니다.</translation>
    </message>
    <message>
        <source>Softmax turns the numbers of a vector into probabilities: all positive, adding up to 1, the largest number getting the largest share. It learns nothing and keeps the shape.</source>
        <translation>Softmax는 벡터의 숫자들을 확률로 바꿉니다. 모두 양수이고 합이 1이며, 가장 큰 숫자가 가장 큰 몫을 받습니다. 아무것도 학습하지 않으며 크기를 그대로 유지합니다.</translation>
    </message>
    <message>
        <source>Use it last in a classifier with one number per class, after a Dense that has no activation.</source>
        <translation>클래스마다 숫자 하나씩을 내는 분류 모델의 마지막에, 활성화 함수가 없는 Dense 뒤에 사용하세요.</translation>
    </message>
    <message>
        <source>LSTM reads a sequence step by step and keeps a memory, learning what to remember and what to forget. It gives its last output (units numbers), or one output per step with return_sequences.</source>
        <translation>LSTM은 시퀀스를 한 스텝씩 읽으면서 기억을 유지하고, 무엇을 기억하고 무엇을 잊을지 학습합니다. 마지막 출력(숫자 units개)을 내거나, return_sequences를 켜면 스텝마다 출력을 하나씩 냅니다.</translation>
    </message>
    <message>
        <source>Use it for text, time series and other sequences where the order matters. Turn on return_sequences when another recurrent layer follows.</source>
        <translation>텍스트, 시계열처럼 순서가 중요한 시퀀스에 사용하세요. 뒤에 다른 순환 층이 오면 return_sequences를 켜세요.</translation>
    </message>
    <message>
        <source>GRU is a recurrent layer like LSTM with a simpler memory, so it has fewer weights and often trains faster. It gives its last output (units numbers), or one per step with return_sequences.</source>
        <translation>GRU는 LSTM과 비슷하지만 기억 구조가 더 단순한 순환 층이라, 가중치가 더 적고 훈련이 더 빠른 경우가 많습니다. 마지막 출력(숫자 units개)을 내거나, return_sequences를 켜면 스텝마다 하나씩 냅니다.</translation>
    </message>
    <message>
        <source>Try it in place of LSTM for text and time series: it often does as well. Turn on return_sequences when another recurrent layer follows.</source>
        <translation>텍스트와 시계열에서 LSTM 대신 써 보세요. 성능이 비슷한 경우가 많습니다. 뒤에 다른 순환 층이 오면 return_sequences를 켜세요.</translation>
    </message>
    <message>
        <source>SimpleRNN reads a sequence step by step, mixing each step with what it gave for the step before. Its memory is short: on long sequences it forgets the beginning.</source>
        <translation>SimpleRNN은 시퀀스를 한 스텝씩 읽으면서, 각 스텝을 바로 앞 스텝에서 낸 결과와 섞습니다. 기억이 짧아서 긴 시퀀스에서는 앞부분을 잊어버립니다.</translation>
    </message>
    <message>
        <source>Use it to learn how recurrent layers work, or for short sequences; LSTM and GRU usually do better.</source>
        <translation>순환 층이 어떻게 동작하는지 배우거나 짧은 시퀀스를 다룰 때 사용하세요. 보통은 LSTM과 GRU가 더 좋은 결과를 냅니다.</translation>
    </message>
    <message>
        <source>Bidirectional runs a recurrent layer (its layer setting: LSTM, GRU or SimpleRNN) over the sequence twice, forwards and backwards. It joins both results: with merge_mode concat it gives twice as many numbers.</source>
        <translation>Bidirectional은 순환 층(layer 설정: LSTM, GRU, SimpleRNN)을 시퀀스에 정방향과 역방향으로 두 번 실행합니다. 두 결과를 합치는데, merge_mode가 concat이면 숫자가 두 배로 나옵니다.</translation>
    </message>
    <message>
        <source>Use it for text and other sequences that are complete before the model reads them, so that each step also sees what follows. Not for predicting the future of a time series.</source>
        <translation>텍스트처럼 모델이 읽기 전에 이미 다 갖춰진 시퀀스에 사용하세요. 그러면 각 스텝이 뒤에 오는 내용도 볼 수 있습니다. 시계열의 미래를 예측하는 데는 쓰지 마세요.</translation>
    </message>
    <message>
        <source>TimeDistributed applies its inner layer (its layer setting) to every step of a sequence separately, with the same weights for all steps. The output keeps the step axis: one result per step.</source>
        <translation>TimeDistributed는 안쪽 층(layer 설정)을 시퀀스의 각 스텝에 따로따로, 모든 스텝에 같은 가중치로 적용합니다. 출력에도 스텝 축이 남아, 스텝마다 결과가 하나씩 나옵니다.</translation>
    </message>
    <message>
        <source>Use it to run, for example, Conv2D on each frame of a video, or Dense on each step of a sequence.</source>
        <translation>예를 들어 동영상의 프레임마다 Conv2D를 실행하거나, 시퀀스의 스텝마다 Dense를 실행할 때 사용하세요.</translation>
    </message>
    <message>
        <source>Concatenate puts the outputs of several layers side by side along one axis (the last by default). The other sizes must be equal. It learns nothing.</source>
        <translation>Concatenate는 여러 층의 출력을 한 축(기본값은 마지막 축)을 따라 나란히 붙입니다. 나머지 축의 크기는 같아야 합니다. 아무것도 학습하지 않습니다.</translation>
    </message>
    <message>
        <source>Use it to join branches: two inputs such as a picture and a table, or the parallel paths of an Inception module.</source>
        <translation>갈래를 합칠 때 사용하세요. 이미지와 표처럼 두 입력을 합치거나, Inception 모듈의 나란한 경로들을 합칩니다.</translation>
    </message>
    <message>
        <source>Add sums the outputs of several layers number by number. They must all have the same shape. It learns nothing.</source>
        <translation>Add는 여러 층의 출력을 같은 위치의 숫자끼리 더합니다. 모두 크기가 같아야 합니다. 아무것도 학습하지 않습니다.</translation>
    </message>
    <message>
        <source>Use it for residual (skip) connections, as in ResNet: add a block&apos;s input to its output.</source>
        <translation>ResNet처럼 잔차(스킵) 연결에 사용하세요. 블록의 입력을 그 블록의 출력에 더합니다.</translation>
    </message>
    <message>
        <source>Subtract takes the second input away from the first, number by number. Both must have the same shape. It learns nothing.</source>
        <translation>Subtract는 첫 번째 입력에서 두 번째 입력을 같은 위치의 숫자끼리 뺍니다. 두 입력의 크기가 같아야 합니다. 아무것도 학습하지 않습니다.</translation>
    </message>
    <message>
        <source>Use it to compare two branches, for example the two encodings of a siamese network.</source>
        <translation>두 갈래를 비교할 때 사용하세요. 예를 들어 샴 네트워크의 두 인코딩을 비교합니다.</translation>
    </message>
    <message>
        <source>Multiply multiplies the outputs of several layers number by number. They must all have the same shape. It learns nothing.</source>
        <translation>Multiply는 여러 층의 출력을 같은 위치의 숫자끼리 곱합니다. 모두 크기가 같아야 합니다. 아무것도 학습하지 않습니다.</translation>
    </message>
    <message>
        <source>Use it for gates and masks, where one branch (often with sigmoid) decides how much of another to let through.</source>
        <translation>한 갈래(흔히 sigmoid를 씀)가 다른 갈래를 얼마나 통과시킬지 정하는 게이트와 마스크에 사용하세요.</translation>
    </message>
    <message>
        <source>Average takes the number-by-number average of several layers&apos; outputs of the same shape. It learns nothing.</source>
        <translation>Average는 크기가 같은 여러 층의 출력을 같은 위치의 숫자끼리 평균 냅니다. 아무것도 학습하지 않습니다.</translation>
    </message>
    <message>
        <source>Use it to combine the predictions of several branches or models into one (an ensemble).</source>
        <translation>여러 갈래나 여러 모델의 예측을 하나로 합칠 때(앙상블) 사용하세요.</translation>
    </message>
    <message>
        <source>Maximum keeps, number by number, the largest of several layers&apos; outputs of the same shape. It learns nothing.</source>
        <translation>Maximum은 크기가 같은 여러 층의 출력에서 같은 위치의 숫자 중 가장 큰 값을 남깁니다. 아무것도 학습하지 않습니다.</translation>
    </message>
    <message>
        <source>Use it to combine branches when the strongest answer should win.</source>
        <translation>가장 강한 답이 이겨야 할 때 갈래들을 합치는 데 사용하세요.</translation>
    </message>
    <message>
        <source>Embedding turns each token id (a whole number that stands for a word) into a vector of output_dim numbers that it learns. input_dim is the size of the vocabulary: every id must be smaller.</source>
        <translation>Embedding은 각 토큰 id(단어를 나타내는 정수)를 학습되는 숫자 output_dim개짜리 벡터로 바꿉니다. input_dim은 어휘 사전의 크기이며, 모든 id는 이보다 작아야 합니다.</translation>
    </message>
    <message>
        <source>The first layer for text coded as numbers, after TextVectorization or with a data set such as IMDB; follow it with LSTM, GRU, Conv1D or GlobalAveragePooling1D.</source>
        <translation>숫자로 바꾼 텍스트를 받는 첫 번째 층으로, TextVectorization 뒤에 두거나 IMDB 같은 데이터셋과 함께 씁니다. 뒤에 LSTM, GRU, Conv1D, GlobalAveragePooling1D를 이어 붙이세요.</translation>
    </message>
    <message>
        <source>TextVectorization turns raw text into token ids: it splits each text into words and replaces each word by its number in a vocabulary. The vocabulary is given in its vocabulary setting or learned from the training texts with Keras&apos;s adapt().</source>
        <translation>TextVectorization은 원본 텍스트를 토큰 id로 바꿉니다. 각 텍스트를 단어로 나누고, 각 단어를 어휘 사전에 있는 번호로 바꿉니다. 어휘 사전은 vocabulary 설정으로 주거나, Keras의 adapt()로 훈련 텍스트에서 학습합니다.</translation>
    </message>
    <message>
        <source>Put it right after a text Input (dtype string) and before Embedding, so that the model takes plain sentences.</source>
        <translation>텍스트 Input(dtype string) 바로 뒤, Embedding 앞에 두세요. 그러면 모델이 일반 문장을 그대로 받습니다.</translation>
    </message>
    <message>
        <source>MultiHeadAttention lets every step of one sequence look at every step of another (or the same) sequence and take in what matters, with num_heads separate views of key_dim numbers each. It is the core of Transformers.</source>
        <translation>MultiHeadAttention은 한 시퀀스의 모든 스텝이 다른(또는 같은) 시퀀스의 모든 스텝을 살펴보고 중요한 것을 받아들이게 합니다. 각각 숫자 key_dim개로 된 독립적인 관점 num_heads개를 씁니다. 트랜스포머의 핵심입니다.</translation>
    </message>
    <message>
        <source>Use it for text and sequences, after Embedding; connect the same layer to both inputs (query and value) for self-attention.</source>
        <translation>텍스트와 시퀀스에 Embedding 뒤에서 사용하세요. 셀프 어텐션을 하려면 같은 층을 두 입력(query와 value)에 모두 연결하세요.</translation>
    </message>
    <message>
        <source>Attention scores how well each step of the query (first input) matches each step of the value (second input) and gives, for each query step, an average of the values weighted by those scores. By default it has no weights.</source>
        <translation>Attention은 query(첫 번째 입력)의 각 스텝이 value(두 번째 입력)의 각 스텝과 얼마나 잘 맞는지 점수를 매기고, query의 스텝마다 그 점수로 가중 평균한 value를 내놓습니다. 기본적으로 가중치가 없습니다.</translation>
    </message>
    <message>
        <source>Use it so that a decoder can look back at the encoder&apos;s outputs in sequence-to-sequence models; MultiHeadAttention is the more powerful version.</source>
        <translation>sequence-to-sequence 모델에서 디코더가 인코더의 출력을 되돌아볼 수 있게 할 때 사용하세요. MultiHeadAttention이 더 강력한 버전입니다.</translation>
    </message>
    <message>
        <source>Rescaling multiplies every value by scale and adds offset: with scale 1/255 (0.00392), pixel values from 0 to 255 become 0 to 1. It learns nothing.</source>
        <translation>Rescaling은 모든 값에 scale을 곱하고 offset을 더합니다. scale이 1/255(0.00392)이면 0~255인 픽셀 값이 0~1이 됩니다. 아무것도 학습하지 않습니다.</translation>
    </message>
    <message>
        <source>Put it right after a picture Input, so that the saved model takes raw pictures and scales them itself.</source>
        <translation>이미지 Input 바로 뒤에 두세요. 그러면 저장한 모델이 원본 이미지를 받아 값의 범위를 스스로 맞춥니다.</translation>
    </message>
    <message>
        <source>Normalization subtracts each feature&apos;s mean and divides by its standard deviation, so that all features have similar ranges. The mean and variance are given in its settings or measured on the training data with Keras&apos;s adapt(); with neither, values pass unchanged.</source>
        <translation>Normalization은 각 특성에서 평균을 빼고 표준편차로 나누어, 모든 특성의 범위를 비슷하게 맞춥니다. 평균과 분산은 설정으로 주거나 Keras의 adapt()로 훈련 데이터에서 측정합니다. 둘 다 없으면 값이 그대로 통과합니다.</translation>
    </message>
    <message>
        <source>Put it right after the Input of a table of numbers, so that the model takes raw values in their own units.</source>
        <translation>숫자로 된 표 데이터의 Input 바로 뒤에 두세요. 그러면 모델이 원래 단위 그대로의 값을 받습니다.</translation>
    </message>
    <message>
        <source>Resizing scales every picture to height × width, so pictures of any size come out the same size. It learns nothing.</source>
        <translation>Resizing은 모든 이미지를 height × width로 조정하므로, 어떤 크기의 이미지든 같은 크기로 나옵니다. 아무것도 학습하지 않습니다.</translation>
    </message>
    <message>
        <source>Put it after a picture Input when the pictures differ in size, or to make them smaller before the convolutions.</source>
        <translation>이미지마다 크기가 다를 때, 또는 합성곱 전에 이미지를 줄이고 싶을 때 이미지 Input 뒤에 두세요.</translation>
    </message>
    <message>
        <source>During training, RandomFlip mirrors each picture at random (mode: horizontal, vertical or both). When predicting it does nothing.</source>
        <translation>훈련하는 동안 RandomFlip은 각 이미지를 무작위로 뒤집습니다(mode: horizontal, vertical 또는 둘 다). 예측할 때는 아무 일도 하지 않습니다.</translation>
    </message>
    <message>
        <source>Use it for data augmentation at the start of an image model, when a mirrored picture still shows the same class: a cat, but not the digit 2.</source>
        <translation>이미지 모델의 시작 부분에서 데이터 증강에 사용하세요. 뒤집힌 이미지도 같은 클래스로 보일 때만 쓰세요. 고양이는 괜찮지만 숫자 2는 안 됩니다.</translation>
    </message>
    <message>
        <source>During training, RandomRotation turns each picture by a random angle; factor is a part of a full turn (0.1 means up to 36 degrees either way). When predicting it does nothing.</source>
        <translation>훈련하는 동안 RandomRotation은 각 이미지를 무작위 각도로 돌립니다. factor는 한 바퀴에 대한 비율입니다(0.1이면 양쪽으로 최대 36도). 예측할 때는 아무 일도 하지 않습니다.</translation>
    </message>
    <message>
        <source>Use it for data augmentation when objects can appear tilted; keep factor small for digits and letters.</source>
        <translation>물체가 기울어져 나타날 수 있을 때 데이터 증강에 사용하세요. 숫자와 글자에는 factor를 작게 두세요.</translation>
    </message>
    <message>
        <source>During training, RandomZoom zooms each picture in or out by a random amount (height_factor 0.2 means up to 20%). When predicting it does nothing.</source>
        <translation>훈련하는 동안 RandomZoom은 각 이미지를 무작위로 확대하거나 축소합니다(height_factor가 0.2이면 최대 20%). 예측할 때는 아무 일도 하지 않습니다.</translation>
    </message>
    <message>
        <source>Use it for data augmentation when objects appear at different sizes.</source>
        <translation>물체가 여러 크기로 나타날 때 데이터 증강에 사용하세요.</translation>
    </message>
    <message>
        <source>a shape that is not known yet</source>
        <translation>아직 알 수 없는 크기</translation>
    </message>
    <message>
        <source>batches of single values, one per sample</source>
        <translation>샘플마다 값이 하나씩인 배치</translation>
    </message>
    <message>
        <source>batches of texts, one string per sample</source>
        <translation>샘플마다 문자열이 하나씩인 텍스트 배치</translation>
    </message>
    <message>
        <source>batches of sequences of any length with {features} numbers per step</source>
        <translation>스텝마다 숫자가 {features}개씩 있는, 길이가 정해지지 않은 시퀀스의 배치</translation>
    </message>
    <message>
        <source>batches of sequences of {steps} steps with {features} numbers per step</source>
        <translation>스텝마다 숫자가 {features}개씩 있는 {steps}스텝 시퀀스의 배치</translation>
    </message>
    <message>
        <source>batches of {rows}×{columns} grids of numbers</source>
        <translation>{rows}×{columns} 숫자 격자의 배치</translation>
    </message>
    <message>
        <source>batches of sequences of {steps} steps, each {channels} feature maps of {height}×{width}</source>
        <translation>스텝마다 {height}×{width} 특성 맵이 {channels}개씩 있는 {steps}스텝 시퀀스의 배치</translation>
    </message>
    <message>
        <source>batches of sequences of any length of {height}×{width} pictures with {channels} channels</source>
        <translation>채널이 {channels}개인 {height}×{width} 이미지로 된, 길이가 정해지지 않은 시퀀스의 배치</translation>
    </message>
    <message>
        <source>batches of sequences of {steps} pictures of {height}×{width} with {channels} channels</source>
        <translation>채널이 {channels}개인 {height}×{width} 이미지 {steps}장으로 된 시퀀스의 배치</translation>
    </message>
    <message>
        <source>batches of arrays of {size} numbers, where ? is a size that can change from one batch to the next</source>
        <translation>{size} 크기 숫자 배열의 배치(?는 배치마다 달라질 수 있는 크기입니다)</translation>
    </message>
    <message>
        <source>batches of arrays of {size} numbers</source>
        <translation>{size} 크기 숫자 배열의 배치</translation>
    </message>
    <message>
        <source>batches of token ids (whole numbers that stand for words), any number per sample</source>
        <translation>토큰 id(단어를 나타내는 정수)의 배치, 샘플마다 개수는 정해지지 않음</translation>
    </message>
    <message>
        <source>batches of {count} token ids each (whole numbers that stand for words)</source>
        <translation>샘플마다 토큰 id(단어를 나타내는 정수)가 {count}개씩인 배치</translation>
    </message>
    <message>
        <source>batches of whole numbers (such as token ids), any number per sample</source>
        <translation>정수(토큰 id 등)의 배치, 샘플마다 개수는 정해지지 않음</translation>
    </message>
    <message>
        <source>batches of {count} whole numbers each (such as token ids)</source>
        <translation>샘플마다 정수(토큰 id 등)가 {count}개씩인 배치</translation>
    </message>
    <message>
        <source>batches of vectors of any length</source>
        <translation>길이가 정해지지 않은 벡터의 배치</translation>
    </message>
    <message>
        <source>batches of single numbers, one per sample</source>
        <translation>샘플마다 숫자가 하나씩인 배치</translation>
    </message>
    <message>
        <source>batches of vectors of {count} numbers</source>
        <translation>숫자 {count}개짜리 벡터의 배치</translation>
    </message>
    <message>
        <source>batches of 1 feature map of any size</source>
        <translation>크기가 정해지지 않은 특성 맵 1개의 배치</translation>
    </message>
    <message>
        <source>batches of {channels} feature maps of any size</source>
        <translation>크기가 정해지지 않은 특성 맵 {channels}개의 배치</translation>
    </message>
    <message>
        <source>batches of pictures of any size with 1 channel</source>
        <translation>크기가 정해지지 않은, 채널이 1개인 이미지의 배치</translation>
    </message>
    <message>
        <source>batches of pictures of any size with {channels} channels</source>
        <translation>크기가 정해지지 않은, 채널이 {channels}개인 이미지의 배치</translation>
    </message>
    <message>
        <source>batches of 1 feature map of {height}×{width}</source>
        <translation>{height}×{width} 특성 맵 1개의 배치</translation>
    </message>
    <message>
        <source>batches of {channels} feature maps of {height}×{width}</source>
        <translation>{height}×{width} 특성 맵 {channels}개의 배치</translation>
    </message>
    <message>
        <source>batches of {height}×{width} pictures with 1 channel</source>
        <translation>채널이 1개인 {height}×{width} 이미지의 배치</translation>
    </message>
    <message>
        <source>batches of {height}×{width} pictures with {channels} channels</source>
        <translation>채널이 {channels}개인 {height}×{width} 이미지의 배치</translation>
    </message>
    <message>
        <source>Takes nothing yet: connect a layer to its input.</source>
        <translation>아직 받는 입력이 없습니다. 이 층의 입력에 층을 연결하세요.</translation>
    </message>
    <message>
        <source>Takes a shape that is not known yet at input {number}.</source>
        <translation>{number}번 입력의 크기를 아직 알 수 없습니다.</translation>
    </message>
    <message>
        <source>Takes {shape}: {meaning}.</source>
        <translation>입력 {shape}: {meaning}.</translation>
    </message>
    <message>
        <source>Takes {shape} at input {number}: {meaning}.</source>
        <translation>{number}번 입력 {shape}: {meaning}.</translation>
    </message>
    <message>
        <source>Gives a shape that is not known yet.</source>
        <translation>출력 크기를 아직 알 수 없습니다.</translation>
    </message>
    <message>
        <source>Gives {shape}: {meaning}.</source>
        <translation>출력 {shape}: {meaning}.</translation>
    </message>
    <message>
        <source>Gives {shape} at output {number}: {meaning}.</source>
        <translation>{number}번 출력 {shape}: {meaning}.</translation>
    </message>
    <message>
        <source>None is the batch size: how many samples go through at once, chosen when you train.</source>
        <translation>None은 배치 크기, 즉 한 번에 함께 처리하는 샘플 수이며, 훈련할 때 정합니다.</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>note: {note}</source>
        <translation>참고: {note}</translation>
    </message>
    <message>
        <source>  fix: {fix}</source>
        <translation>  고치기: {fix}</translation>
    </message>
    <message>
        <source>{file}: has errors ({layers} layers, {errors} errors, {warnings} warnings)</source>
        <translation>{file}: 오류 있음 (층 {layers}개, 오류 {errors}개, 경고 {warnings}개)</translation>
    </message>
    <message>
        <source>{file}: valid ({layers} layers, {errors} errors, {warnings} warnings)</source>
        <translation>{file}: 유효함 (층 {layers}개, 오류 {errors}개, 경고 {warnings}개)</translation>
    </message>
    <message>
        <source>error: {node}: {message}</source>
        <translation>오류: {node}: {message}</translation>
    </message>
    <message>
        <source>error: {message}</source>
        <translation>오류: {message}</translation>
    </message>
    <message>
        <source>warning: {node}: {message}</source>
        <translation>경고: {node}: {message}</translation>
    </message>
    <message>
        <source>warning: {message}</source>
        <translation>경고: {message}</translation>
    </message>
    <message>
        <source>note: {node}: {message}</source>
        <translation>참고: {node}: {message}</translation>
    </message>
    <message>
        <source>note: {message}</source>
        <translation>참고: {message}</translation>
    </message>
    <message>
        <source>the model has errors: {node}: {message} (and {more} more; run &apos;kbuilder check&apos;)</source>
        <translation>모델에 오류가 있습니다: {node}: {message} (그 밖에 {more}개 더 있습니다. &apos;kbuilder check&apos;를 실행해 보세요)</translation>
    </message>
    <message>
        <source>the model has errors: {node}: {message}</source>
        <translation>모델에 오류가 있습니다: {node}: {message}</translation>
    </message>
    <message>
        <source>the model has errors: {message} (and {more} more; run &apos;kbuilder check&apos;)</source>
        <translation>모델에 오류가 있습니다: {message} (그 밖에 {more}개 더 있습니다. &apos;kbuilder check&apos;를 실행해 보세요)</translation>
    </message>
    <message>
        <source>the model has errors: {message}</source>
        <translation>모델에 오류가 있습니다: {message}</translation>
    </message>
    <message>
        <source>wrote {path}</source>
        <translation>{path}에 저장했습니다</translation>
    </message>
    <message>
        <source>give the file to write once: &apos;kbuilder convert FILE OUT&apos; or &apos;kbuilder convert FILE -o OUT&apos;</source>
        <translation>저장할 파일은 한 번만 지정하세요: &apos;kbuilder convert FILE OUT&apos; 또는 &apos;kbuilder convert FILE -o OUT&apos;</translation>
    </message>
    <message>
        <source>OUT must end in {suffixes} (got &apos;{name}&apos;)</source>
        <translation>OUT은 {suffixes} 중 하나로 끝나야 합니다 (받은 이름: &apos;{name}&apos;)</translation>
    </message>
    <message>
        <source>Build Keras models by drawing them. Without a command, opens the app.</source>
        <translation>Keras 모델을 그려서 만듭니다. 명령 없이 실행하면 앱을 엽니다.</translation>
    </message>
    <message>
        <source>a project or model file ({suffixes}) or a SavedModel folder</source>
        <translation>프로젝트 또는 모델 파일({suffixes}), 또는 SavedModel 폴더</translation>
    </message>
    <message>
        <source>check a model for errors</source>
        <translation>모델에 오류가 있는지 검사합니다</translation>
    </message>
    <message>
        <source>print the result as JSON</source>
        <translation>결과를 JSON으로 출력합니다</translation>
    </message>
    <message>
        <source>print what model.summary() shows</source>
        <translation>model.summary()가 보여 주는 내용을 출력합니다</translation>
    </message>
    <message>
        <source>print the summary as JSON</source>
        <translation>요약을 JSON으로 출력합니다</translation>
    </message>
    <message>
        <source>export the model as Python code</source>
        <translation>모델을 파이썬 코드로 내보냅니다</translation>
    </message>
    <message>
        <source>write to this file instead of the screen</source>
        <translation>화면 대신 이 파일에 저장합니다</translation>
    </message>
    <message>
        <source>code style (default: functional)</source>
        <translation>코드 스타일 (기본값: functional)</translation>
    </message>
    <message>
        <source>convert between .kbproj, .json, .keras and .h5</source>
        <translation>.kbproj, .json, .keras, .h5 형식을 서로 변환합니다</translation>
    </message>
    <message>
        <source>the file to write (.kbproj, .json, .keras or .h5)</source>
        <translation>저장할 파일 (.kbproj, .json, .keras 또는 .h5)</translation>
    </message>
    <message>
        <source>the same, as an option</source>
        <translation>위와 같은 파일을 옵션으로 지정합니다</translation>
    </message>
    <message>
        <source>train a model on a data set</source>
        <translation>데이터셋으로 모델을 훈련합니다</translation>
    </message>
    <message>
        <source>measure a saved model&apos;s weights on a data set, without training</source>
        <translation>훈련하지 않고, 저장된 모델의 가중치를 데이터셋으로 평가합니다</translation>
    </message>
    <message>
        <source>list the data sets kbuilder can train on</source>
        <translation>kbuilder로 훈련할 수 있는 데이터셋 목록을 보여 줍니다</translation>
    </message>
    <message>
        <source>run a trained model on your own picture, CSV rows, arrays or text</source>
        <translation>훈련된 모델로 직접 준비한 그림, CSV 행, 배열 또는 텍스트를 예측합니다</translation>
    </message>
    <message>
        <source>search hyperparameters (KerasTuner): try several values, keep the best</source>
        <translation>하이퍼파라미터를 탐색합니다(KerasTuner): 여러 값을 시도하고 가장 좋은 값을 남깁니다</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>중단되었습니다</translation>
    </message>
    <message>
        <source>unexpected error: {kind}: {problem}</source>
        <translation>예상하지 못한 오류: {kind}: {problem}</translation>
    </message>
    <message>
        <source>please report this with the file that caused it.</source>
        <translation>이 문제를 일으킨 파일과 함께 알려 주세요.</translation>
    </message>
</context>
<context>
    <name>core.clipboard</name>
    <message>
        <source>the copied layers are too big to paste</source>
        <extracomment>The &quot;format&quot; key of a copied fragment.</extracomment>
        <translation>복사한 층이 너무 커서 붙여 넣을 수 없습니다</translation>
    </message>
    <message>
        <source>the copied layers are nested too deeply to paste</source>
        <translation>복사한 층이 너무 깊게 중첩되어 있어 붙여 넣을 수 없습니다</translation>
    </message>
    <message>
        <source>the copied layers cannot be pasted: {problem}</source>
        <translation>복사한 층을 붙여 넣을 수 없습니다: {problem}</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>붙여넣기</translation>
    </message>
</context>
<context>
    <name>core.commands</name>
    <message>
        <source>Add layer</source>
        <translation>층 추가</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>연결 끊기</translation>
    </message>
    <message>
        <source>Delete {name}</source>
        <translation>{name} 삭제</translation>
    </message>
    <message>
        <source>Delete {count} layers</source>
        <translation>층 {count}개 삭제</translation>
    </message>
    <message>
        <source>Change parameter</source>
        <translation>파라미터 변경</translation>
    </message>
    <message>
        <source>Set {key}</source>
        <translation>{key} 설정</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>이름 바꾸기</translation>
    </message>
    <message>
        <source>Share layer</source>
        <translation>층 공유</translation>
    </message>
    <message>
        <source>Mark as output</source>
        <translation>출력으로 표시</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>이동</translation>
    </message>
    <message>
        <source>Reorder inputs</source>
        <translation>입력 순서 바꾸기</translation>
    </message>
</context>
<context>
    <name>core.graph</name>
    <message>
        <source>a layer needs a name</source>
        <extracomment>Events after which the wiring (edges, nodes, sharing) may differ.</extracomment>
        <translation>층에는 이름이 있어야 합니다</translation>
    </message>
    <message>
        <source>the name {name} is already used by another layer</source>
        <translation>{name} 이름은 이미 다른 층이 사용하고 있습니다</translation>
    </message>
    <message>
        <source>an edge must join two layers of this graph</source>
        <translation>연결은 이 모델의 두 층을 이어야 합니다</translation>
    </message>
    <message>
        <source>a layer cannot feed itself</source>
        <translation>층은 자기 자신에게 연결할 수 없습니다</translation>
    </message>
    <message>
        <source>a port number must be between 0 and {last}</source>
        <translation>포트 번호는 0에서 {last} 사이여야 합니다</translation>
    </message>
    <message>
        <source>an Input layer takes no incoming connection</source>
        <translation>Input 층에는 들어오는 연결을 만들 수 없습니다</translation>
    </message>
    <message>
        <source>that input port is already connected</source>
        <translation>그 입력 포트는 이미 연결되어 있습니다</translation>
    </message>
    <message>
        <source>a layer cannot share weights with itself</source>
        <translation>층은 자기 자신과 가중치를 공유할 수 없습니다</translation>
    </message>
    <message>
        <source>Input layers have no weights to share</source>
        <translation>Input 층에는 공유할 가중치가 없습니다</translation>
    </message>
    <message>
        <source>the name {name} is empty or already used</source>
        <translation>{name} 이름이 비어 있거나 이미 사용 중입니다</translation>
    </message>
</context>
<context>
    <name>core.graph_queries</name>
    <message>
        <source>no node with id {id}</source>
        <translation>id가 {id}인 층이 없습니다</translation>
    </message>
    <message>
        <source>no edge with id {id}</source>
        <translation>id가 {id}인 연결이 없습니다</translation>
    </message>
    <message>
        <source>no layer named {name}</source>
        <translation>이름이 {name}인 층이 없습니다</translation>
    </message>
    <message>
        <source>The name &apos;{name}&apos; is already used by another layer.</source>
        <translation>&apos;{name}&apos; 이름은 이미 다른 층이 사용하고 있습니다.</translation>
    </message>
    <message>
        <source>{name} cannot be connected to itself.</source>
        <translation>{name}은(는) 자기 자신에게 연결할 수 없습니다.</translation>
    </message>
    <message>
        <source>{name} is an Input: it has no inputs. Connect from it, not to it.</source>
        <translation>{name}은(는) Input이라 입력이 없습니다. 이 층으로 연결하지 말고, 이 층에서 다른 층으로 연결하세요.</translation>
    </message>
    <message>
        <source>A port number must be between 0 and {last}.</source>
        <translation>포트 번호는 0에서 {last} 사이여야 합니다.</translation>
    </message>
    <message>
        <source>{name} ({class_name}) takes one input and already has it. Drag the old connection away first.</source>
        <translation>{name}({class_name})은(는) 입력을 하나만 받으며 이미 연결되어 있습니다. 먼저 기존 연결을 끌어서 떼어 내세요.</translation>
    </message>
    <message>
        <source>{name} ({class_name}) takes at most {count} inputs.</source>
        <translation>{name}({class_name})은(는) 입력을 최대 {count}개까지 받습니다.</translation>
    </message>
    <message>
        <source>Input {number} of {name} is already connected to {other}. Drag that connection away first.</source>
        <translation>{name}의 {number}번 입력은 이미 {other}에 연결되어 있습니다. 먼저 그 연결을 끌어서 떼어 내세요.</translation>
    </message>
</context>
<context>
    <name>core.history</name>
    <message>
        <source>edit</source>
        <translation>편집</translation>
    </message>
</context>
<context>
    <name>core.limits</name>
    <message>
        <source>true/false</source>
        <translation>참/거짓 값</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>목록</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>객체</translation>
    </message>
    <message>
        <source>it holds text that is not valid Unicode (a lone surrogate)</source>
        <translation>올바른 유니코드가 아닌 텍스트(짝이 없는 서로게이트)가 들어 있습니다</translation>
    </message>
    <message>
        <source>it holds a number that is not finite (NaN or an infinity)</source>
        <translation>유한하지 않은 숫자(NaN 또는 무한대)가 들어 있습니다</translation>
    </message>
    <message>
        <source>its values are nested more than {depth} levels deep, kbuilder&apos;s limit</source>
        <translation>값이 kbuilder의 한도인 {depth}단계보다 깊게 중첩되어 있습니다</translation>
    </message>
</context>
<context>
    <name>core.node</name>
    <message>
        <source>it is {kind}, not an object</source>
        <translation>객체가 아니라 {kind}입니다</translation>
    </message>
    <message>
        <source>The model needs a name.</source>
        <extracomment>The longest layer or model name kbuilder accepts (HDF5 files keep names in headers of limited size).</extracomment>
        <translation>모델에는 이름이 있어야 합니다.</translation>
    </message>
    <message>
        <source>A layer needs a name.</source>
        <translation>층에는 이름이 있어야 합니다.</translation>
    </message>
    <message>
        <source>The model name cannot contain &apos;/&apos; (Keras uses it between names); use &apos;_&apos; instead.</source>
        <translation>모델 이름에는 &apos;/&apos;를 쓸 수 없습니다(Keras가 이름 사이의 구분자로 씁니다). 대신 &apos;_&apos;를 쓰세요.</translation>
    </message>
    <message>
        <source>A layer name cannot contain &apos;/&apos; (Keras uses it between names); use &apos;_&apos; instead.</source>
        <translation>층 이름에는 &apos;/&apos;를 쓸 수 없습니다(Keras가 이름 사이의 구분자로 씁니다). 대신 &apos;_&apos;를 쓰세요.</translation>
    </message>
    <message>
        <source>The model name cannot contain control characters such as line breaks or tabs.</source>
        <translation>모델 이름에는 줄바꿈이나 탭 같은 제어 문자를 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>A layer name cannot contain control characters such as line breaks or tabs.</source>
        <translation>층 이름에는 줄바꿈이나 탭 같은 제어 문자를 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>The model cannot be called &apos;.&apos; or &apos;..&apos;.</source>
        <translation>모델 이름을 &apos;.&apos;이나 &apos;..&apos;으로 지을 수 없습니다.</translation>
    </message>
    <message>
        <source>A layer cannot be called &apos;.&apos; or &apos;..&apos;.</source>
        <translation>층 이름을 &apos;.&apos;이나 &apos;..&apos;으로 지을 수 없습니다.</translation>
    </message>
    <message>
        <source>The model name can be at most {limit} characters long (this one has {length}).</source>
        <translation>모델 이름은 최대 {limit}자까지 쓸 수 있습니다(지금 이름은 {length}자입니다).</translation>
    </message>
    <message>
        <source>A layer name can be at most {limit} characters long (this one has {length}).</source>
        <translation>층 이름은 최대 {limit}자까지 쓸 수 있습니다(지금 이름은 {length}자입니다).</translation>
    </message>
    <message>
        <source>its {key} is {kind}, not text</source>
        <translation>{key} 값이 텍스트가 아니라 {kind}입니다</translation>
    </message>
    <message>
        <source>its {key} is empty</source>
        <translation>{key} 값이 비어 있습니다</translation>
    </message>
    <message>
        <source>its {key} is longer than {limit} characters</source>
        <translation>{key} 값이 {limit}자보다 깁니다</translation>
    </message>
    <message>
        <source>its {key} is {kind}, not an object</source>
        <translation>{key} 값이 객체가 아니라 {kind}입니다</translation>
    </message>
    <message>
        <source>its {key} is {kind}, not true/false</source>
        <translation>{key} 값이 참/거짓 값이 아니라 {kind}입니다</translation>
    </message>
    <message>
        <source>its &apos;position&apos; is not two numbers</source>
        <translation>&apos;position&apos; 값이 숫자 두 개가 아닙니다</translation>
    </message>
    <message>
        <source>its {key} is {kind}, not a whole number</source>
        <translation>{key} 값이 정수가 아니라 {kind}입니다</translation>
    </message>
    <message>
        <source>its {key} is outside 0-{last}, kbuilder&apos;s limit</source>
        <translation>{key} 값이 kbuilder의 한도인 0-{last} 범위를 벗어납니다</translation>
    </message>
</context>
<context>
    <name>core.reading</name>
    <message>
        <source>it is {kind}, not an object</source>
        <translation>객체가 아니라 {kind}입니다</translation>
    </message>
    <message>
        <source>the model&apos;s name is {kind}, not text</source>
        <translation>모델 이름이 텍스트가 아니라 {kind}입니다</translation>
    </message>
    <message>
        <source>two layers have the id {id}</source>
        <translation>id가 {id}인 층이 두 개입니다</translation>
    </message>
    <message>
        <source>layer {id} has no name</source>
        <translation>id가 {id}인 층에 이름이 없습니다</translation>
    </message>
    <message>
        <source>two layers are named {name}</source>
        <translation>이름이 {name}인 층이 두 개입니다</translation>
    </message>
    <message>
        <source>it has more than {limit} layers, kbuilder&apos;s limit</source>
        <translation>층이 kbuilder의 한도인 {limit}개보다 많습니다</translation>
    </message>
    <message>
        <source>two connections have the id {id}</source>
        <translation>id가 {id}인 연결이 두 개입니다</translation>
    </message>
    <message>
        <source>connection {id} joins a layer that is not in the model</source>
        <translation>id가 {id}인 연결이 모델에 없는 층에 이어져 있습니다</translation>
    </message>
    <message>
        <source>layer {name} feeds itself</source>
        <translation>{name} 층이 자기 자신에게 연결되어 있습니다</translation>
    </message>
    <message>
        <source>a connection goes into the Input {name}</source>
        <translation>Input {name}에 들어가는 연결이 있습니다</translation>
    </message>
    <message>
        <source>connection {id} uses a port outside 0-{last}</source>
        <translation>id가 {id}인 연결이 0-{last} 범위 밖의 포트를 사용합니다</translation>
    </message>
    <message>
        <source>two connections go into input {port} of {name}</source>
        <translation>{name}의 입력 {port}에 연결이 두 개 들어갑니다</translation>
    </message>
    <message>
        <source>it has more than {limit} connections, kbuilder&apos;s limit</source>
        <translation>연결이 kbuilder의 한도인 {limit}개보다 많습니다</translation>
    </message>
    <message>
        <source>its {key} is {kind}, not a list</source>
        <translation>{key} 값이 목록이 아니라 {kind}입니다</translation>
    </message>
    <message>
        <source>it has {count} layers, more than kbuilder&apos;s limit of {limit}</source>
        <translation>층이 {count}개로, kbuilder의 한도인 {limit}개보다 많습니다</translation>
    </message>
    <message>
        <source>it has {count} connections, more than kbuilder&apos;s limit of {limit}</source>
        <translation>연결이 {count}개로, kbuilder의 한도인 {limit}개보다 많습니다</translation>
    </message>
    <message>
        <source>layer {number}: {problem}</source>
        <translation>층 {number}: {problem}</translation>
    </message>
    <message>
        <source>connection {number}: {problem}</source>
        <translation>연결 {number}: {problem}</translation>
    </message>
    <message>
        <source>layer {name} shares its weights in a loop</source>
        <translation>{name} 층의 가중치 공유가 순환을 이룹니다</translation>
    </message>
</context>
<context>
    <name>core.recorded</name>
    <message>
        <source>edit</source>
        <translation>편집</translation>
    </message>
</context>
<context>
    <name>core.validate</name>
    <message>
        <source>1 error</source>
        <translation>오류 1개</translation>
    </message>
    <message>
        <source>{count} errors</source>
        <translation>오류 {count}개</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>경고 1개</translation>
    </message>
    <message>
        <source>{count} warnings</source>
        <translation>경고 {count}개</translation>
    </message>
    <message>
        <source>1 note</source>
        <translation>참고 1개</translation>
    </message>
    <message>
        <source>{count} notes</source>
        <translation>참고 {count}개</translation>
    </message>
    <message>
        <source>The model is empty. Add an Input layer and connect layers to it.</source>
        <translation>모델이 비어 있습니다. Input 층을 추가하고 거기에 층을 연결하세요.</translation>
    </message>
    <message>
        <source>The name &apos;{name}&apos; is used by {count} layers; give each layer its own name.</source>
        <translation>&apos;{name}&apos; 이름을 층 {count}개가 함께 쓰고 있습니다. 층마다 서로 다른 이름을 지어 주세요.</translation>
    </message>
    <message>
        <source>{problem} Rename the layer in the inspector.</source>
        <translation>{problem} 속성 패널에서 층 이름을 바꾸세요.</translation>
    </message>
    <message>
        <source>{problem} (The model is called {name}.)</source>
        <translation>{problem} (지금 모델 이름은 {name}입니다.)</translation>
    </message>
    <message>
        <source>The model has no Input layer. Add one from the palette and connect your first layer to it.</source>
        <translation>모델에 Input 층이 없습니다. 층 팔레트에서 하나 추가하고 첫 번째 층을 거기에 연결하세요.</translation>
    </message>
    <message>
        <source>The model has no output: connect a layer after your Input.</source>
        <translation>모델에 출력이 없습니다. Input 뒤에 층을 연결하세요.</translation>
    </message>
    <message>
        <source>The Input &apos;{name}&apos; is not connected to anything. Connect a layer to it, or delete it.</source>
        <translation>Input &apos;{name}&apos;에 아무것도 연결되어 있지 않습니다. 층을 연결하거나 이 Input을 삭제하세요.</translation>
    </message>
    <message>
        <source>The Input &apos;{name}&apos; does not lead to any output, so the model ignores what it receives. Connect its layers to the rest of the model, or delete it.</source>
        <translation>Input &apos;{name}&apos;에서 시작하는 흐름이 어떤 출력에도 이어지지 않아, 모델이 이 입력으로 받는 데이터를 무시합니다. 이어진 층들을 모델의 나머지 부분에 연결하거나 이 Input을 삭제하세요.</translation>
    </message>
    <message>
        <source>{name} has no input connected. Connect a layer (or an Input) to it.</source>
        <translation>{name}에 연결된 입력이 없습니다. 층(또는 Input)을 연결하세요.</translation>
    </message>
    <message>
        <source>{name} does not lead to an output, so the model ignores it. Connect it onward, mark it as an output, or delete it.</source>
        <translation>{name}은(는) 출력으로 이어지지 않아 모델이 이 층을 무시합니다. 뒤에 층을 연결하거나, 출력으로 표시하거나, 삭제하세요.</translation>
    </message>
    <message>
        <source>{name} is a {class_name} layer that kbuilder cannot build (it was kept from an imported model). Replace it with a regular layer, or delete it.</source>
        <translation>{name}은(는) kbuilder가 만들 수 없는 {class_name} 층입니다(가져온 모델에서 그대로 남겨 둔 층입니다). 일반 층으로 바꾸거나 삭제하세요.</translation>
    </message>
    <message>
        <source>{name} is a layer that kbuilder cannot build (it was kept from an imported model). Replace it with a regular layer, or delete it.</source>
        <translation>{name}은(는) kbuilder가 만들 수 없는 층입니다(가져온 모델에서 그대로 남겨 둔 층입니다). 일반 층으로 바꾸거나 삭제하세요.</translation>
    </message>
    <message>
        <source>{class_name} needs at least two inputs; connect another layer to it.</source>
        <translation>{class_name}에는 입력이 두 개 이상 필요합니다. 다른 층을 하나 더 연결하세요.</translation>
    </message>
    <message>
        <source>{name} ({class_name}) needs {needed} inputs but has {count}; connect another layer to it.</source>
        <translation>{name}({class_name})에는 입력이 {needed}개 필요하지만 {count}개만 연결되어 있습니다. 다른 층을 더 연결하세요.</translation>
    </message>
    <message>
        <source>{name} ({class_name}) takes only one input but {count} are connected; remove the connection from {names} or add a Concatenate/Add layer to merge them first.</source>
        <translation>{name}({class_name})은(는) 입력을 하나만 받는데 {count}개가 연결되어 있습니다. {names}에서 오는 연결을 지우거나, 먼저 Concatenate/Add 층을 추가해 입력들을 하나로 합치세요.</translation>
    </message>
    <message>
        <source>{name} ({class_name}) takes {most} inputs but {count} are connected; remove the connection from {names}.</source>
        <translation>{name}({class_name})은(는) 입력을 {most}개 받는데 {count}개가 연결되어 있습니다. {names}에서 오는 연결을 지우세요.</translation>
    </message>
    <message>
        <source>Two connections go into the same input of {name}; remove one of them.</source>
        <translation>연결 두 개가 {name}의 같은 입력으로 들어갑니다. 둘 중 하나를 지우세요.</translation>
    </message>
    <message>
        <source>Input {number} of {name} is empty while a later one is connected; reorder its inputs or connect the missing one.</source>
        <translation>{name}의 {number}번 입력이 비어 있는데 그 뒤의 입력은 연결되어 있습니다. 입력 순서를 바꾸거나 빠진 입력을 연결하세요.</translation>
    </message>
    <message>
        <source>{name} shares its weights with a layer that no longer exists. Turn sharing off in the inspector.</source>
        <translation>{name}은(는) 이제 없는 층과 가중치를 공유하고 있습니다. 속성 패널에서 공유를 끄세요.</translation>
    </message>
    <message>
        <source>{name} shares its weights in a circle; turn sharing off for one of these layers.</source>
        <translation>{name}의 가중치 공유가 순환을 이룹니다. 이 층들 중 하나의 공유를 끄세요.</translation>
    </message>
    <message>
        <source>{name} is a {class_name} but shares the weights of {owner}, a {owner_class}; a layer can only share weights with a layer of the same kind.</source>
        <translation>{name}은(는) {class_name}인데 {owner_class}인 {owner}의 가중치를 공유하고 있습니다. 층은 같은 종류의 층과만 가중치를 공유할 수 있습니다.</translation>
    </message>
    <message>
        <source>{name} cannot share weights with {owner}; turn sharing off.</source>
        <translation>{name}은(는) {owner}와(과) 가중치를 공유할 수 없습니다. 공유를 끄세요.</translation>
    </message>
    <message>
        <source>The connection from {src} to {dst} uses output {port} of {src}, which does not exist (it has a single output). Delete it and connect the two layers again.</source>
        <translation>{src} → {dst} 연결이 {src}의 {port}번 출력을 쓰는데, 그런 출력은 없습니다(출력이 하나뿐인 층입니다). 이 연결을 지우고 두 층을 다시 연결하세요.</translation>
    </message>
    <message>
        <source>The connection from {src} to {dst} uses output {port} of {src}, which does not exist. Delete it and connect the two layers again.</source>
        <translation>{src} → {dst} 연결이 {src}의 {port}번 출력을 쓰는데, 그런 출력은 없습니다. 이 연결을 지우고 두 층을 다시 연결하세요.</translation>
    </message>
    <message>
        <source>The connection from {src} to {dst} goes into input {port} of {dst}, which does not exist ({dst} takes one input). Delete it and connect the two layers again.</source>
        <translation>{src} → {dst} 연결이 {dst}의 {port}번 입력으로 들어가는데, 그런 입력은 없습니다({dst}은(는) 입력을 하나만 받습니다). 이 연결을 지우고 두 층을 다시 연결하세요.</translation>
    </message>
    <message>
        <source>The connection from {src} to {dst} goes into input {port} of {dst}, which does not exist ({dst} takes {count} inputs). Delete it and connect the two layers again.</source>
        <translation>{src} → {dst} 연결이 {dst}의 {port}번 입력으로 들어가는데, 그런 입력은 없습니다({dst}은(는) 입력을 {count}개 받습니다). 이 연결을 지우고 두 층을 다시 연결하세요.</translation>
    </message>
    <message>
        <source>The connection from {src} to {dst} goes into input {port} of {dst}, which does not exist. Delete it and connect the two layers again.</source>
        <translation>{src} → {dst} 연결이 {dst}의 {port}번 입력으로 들어가는데, 그런 입력은 없습니다. 이 연결을 지우고 두 층을 다시 연결하세요.</translation>
    </message>
    <message>
        <source>{name} is part of a loop ({loop}). A model must flow one way; remove one connection of the loop.</source>
        <translation>{name}은(는) 순환({loop})의 일부입니다. 모델은 한 방향으로만 흘러야 하니, 순환에서 연결 하나를 지우세요.</translation>
    </message>
    <message>
        <source>The connection from {src} to {dst} closes a loop; remove it.</source>
        <translation>{src} → {dst} 연결이 순환을 만듭니다. 이 연결을 지우세요.</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>learning rate</source>
        <extracomment>What the field shows greyed while empty, per compile setting or parameter kind. The compile settings a search can vary, as a sentence names them (translated by :func:`setting_title`).</extracomment>
        <translation>학습률</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>Right-click to try several values of {param} in a search (the Experiments mode).</source>
        <translation>오른쪽 클릭하면 탐색(실험 모드)에서 {param}의 여러 값을 시도할 수 있습니다.</translation>
    </message>
    <message>
        <source>Try several values…</source>
        <translation>여러 값 시도…</translation>
    </message>
    <message>
        <source>Let a search in the Experiments mode try several values of {param}</source>
        <translation>실험 모드의 탐색에서 {param}의 여러 값을 시도합니다</translation>
    </message>
    <message>
        <source>Stop trying several values</source>
        <translation>여러 값 시도 그만두기</translation>
    </message>
</context>
<context>
    <name>editors</name>
    <message>
        <source>Default: {value}</source>
        <translation>기본값: {value}</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>필수입니다.</translation>
    </message>
    <message>
        <source>Keras documentation: {text}</source>
        <translation>Keras 문서(영문): {text}</translation>
    </message>
    <message>
        <source>e.g. 3, 3</source>
        <translation>예: 3, 3</translation>
    </message>
    <message>
        <source>e.g. 28, 28  (None = any length)</source>
        <translation>예: 28, 28  (None = 아무 길이)</translation>
    </message>
</context>
<context>
    <name>exports</name>
    <message>
        <source>could not write {name}</source>
        <translation>{name} 파일을 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>gallery</name>
    <message>
        <source>reuses {name}</source>
        <translation>{name} 재사용</translation>
    </message>
</context>
<context>
    <name>keras_io.actions</name>
    <message>
        <source>{name} has no input {number} any more</source>
        <translation>{name} 층에는 더 이상 {number}번째 입력이 없습니다</translation>
    </message>
    <message>
        <source>features</source>
        <translation>특성</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>타임스텝</translation>
    </message>
    <message>
        <source>height</source>
        <translation>높이</translation>
    </message>
    <message>
        <source>width</source>
        <translation>너비</translation>
    </message>
    <message>
        <source>channels</source>
        <translation>채널</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>깊이</translation>
    </message>
    <message>
        <source>axis {number}</source>
        <translation>축 {number}</translation>
    </message>
</context>
<context>
    <name>keras_io.build</name>
    <message>
        <source>kbuilder cannot build this layer; replace it with a regular layer.</source>
        <extracomment>Arguments some classes&apos; ``from_config`` reads without a default: a graph leaves defaults out, so they are filled in (Rescaling(scale=1/255) has no offset).</extracomment>
        <translation>kbuilder는 이 층을 만들 수 없습니다. 일반 층으로 바꾸세요.</translation>
    </message>
    <message>
        <source>An Input is not called like a layer.</source>
        <translation>Input은 층처럼 호출하지 않습니다.</translation>
    </message>
    <message>
        <source>Keras has no layer called {cls}; pick one from the palette.</source>
        <translation>Keras에는 {cls}(이)라는 층이 없습니다. 층 팔레트에서 하나를 고르세요.</translation>
    </message>
    <message>
        <source>The layer &apos;{name}&apos; ({cls}) {why}.</source>
        <translation>층 &apos;{name}&apos;({cls}): {why}.</translation>
    </message>
    <message>
        <source>The Input &apos;{name}&apos; has no shape; set its shape in the inspector.</source>
        <translation>Input &apos;{name}&apos;에 크기(shape)가 없습니다. 속성 패널에서 shape를 설정하세요.</translation>
    </message>
    <message>
        <source>The Input &apos;{name}&apos; has an invalid shape {shape}: {reason}</source>
        <translation>Input &apos;{name}&apos;의 크기 {shape}이(가) 올바르지 않습니다: {reason}</translation>
    </message>
    <message>
        <source>{name} has {count} outputs; output {number} does not exist</source>
        <translation>{name} 층의 출력은 {count}개이므로 {number}번째 출력은 없습니다</translation>
    </message>
    <message>
        <source>{name} has a single output; output {number} does not exist</source>
        <translation>{name} 층의 출력은 하나뿐이므로 {number}번째 출력은 없습니다</translation>
    </message>
    <message>
        <source>The model cannot be assembled: {reason}</source>
        <translation>모델을 조립할 수 없습니다: {reason}</translation>
    </message>
</context>
<context>
    <name>keras_io.check</name>
    <message>
        <source>{cls} works on grey (1 channel) or colour (3 channels) images, but receives {shape}: some of the operations it picks at random would fail in training. Remove it, or give the Input 1 or 3 channels.</source>
        <extracomment>Above these sizes the model is built without drawing its weights and not run (a note says so): a run would take seconds and much memory. What an Input&apos;s ``None`` (&quot;any length&quot;) dimension becomes, tried in turn while the run fails (a stack of convolutions needs a long enough input). Layers that apply a random choice of image operations, some of which take only grey (1 channel) or colour (3 channels) images: a test run may draw none of those, so their channels are checked here. Layers after which a rank-3 tensor is a sequence that Dense may process step by step.</extracomment>
        <translation>{cls} 층은 흑백(채널 1개) 또는 컬러(채널 3개) 이미지에서 동작하는데, 크기가 {shape}인 입력을 받습니다. 이 층이 무작위로 고르는 연산 중 일부는 훈련 중에 실패합니다. 이 층을 제거하거나 Input의 채널을 1개 또는 3개로 설정하세요.</translation>
    </message>
    <message>
        <source>Dense expects a flat vector but receives {shape}; it will only transform the last axis. Insert a Flatten before it.</source>
        <translation>Dense는 평평한 벡터를 기대하지만 크기가 {shape}인 입력을 받습니다. 이대로면 마지막 축만 변환합니다. 앞에 Flatten을 넣으세요.</translation>
    </message>
    <message>
        <source>The model builds, but kbuilder did not test-run it on zeros: it has {count} parameters.</source>
        <translation>모델은 만들어지지만, 파라미터가 {count}개나 되어 kbuilder가 0으로 채운 입력으로 시험 실행하지 않았습니다.</translation>
    </message>
    <message>
        <source>The model builds, but kbuilder did not test-run it on zeros: its layers&apos; outputs hold {count} numbers for one sample.</source>
        <translation>모델은 만들어지지만, 샘플 하나에 대한 층 출력의 값이 모두 {count}개나 되어 kbuilder가 0으로 채운 입력으로 시험 실행하지 않았습니다.</translation>
    </message>
    <message>
        <source>The model builds, but kbuilder did not test-run it on zeros: it has a sparse Input.</source>
        <translation>모델은 만들어지지만, 희소(sparse) Input이 있어서 kbuilder가 0으로 채운 입력으로 시험 실행하지 않았습니다.</translation>
    </message>
    <message>
        <source>Keras cannot build the model: {reason}</source>
        <translation>Keras가 모델을 만들 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>{cls} cannot run on an input shaped {shape}: {reason}</source>
        <translation>{cls} 층은 크기가 {shape}인 입력으로 실행할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>{message} (found in a test run on zeros)</source>
        <translation>{message} (0으로 채운 입력으로 시험 실행하여 발견함)</translation>
    </message>
    <message>
        <source>The model does not run: {reason} (found in a test run on zeros)</source>
        <translation>모델이 실행되지 않습니다: {reason} (0으로 채운 입력으로 시험 실행하여 발견함)</translation>
    </message>
</context>
<context>
    <name>keras_io.checkpoint</name>
    <message>
        <source>The checkpoint of {label} (its variables folder) is damaged or cut short, so it cannot be read.</source>
        <translation>{label}의 체크포인트(variables 폴더)가 손상되었거나 중간에 잘려서 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>{label} links to a file outside its folder ({name}), which kbuilder refuses to read.</source>
        <translation>{label}이(가) 폴더 밖의 파일({name})을 가리키고 있어 kbuilder가 읽기를 거부합니다.</translation>
    </message>
    <message>
        <source>{label} has no checkpoint index (variables/variables.index), so its weights are missing.</source>
        <translation>{label}에 체크포인트 인덱스(variables/variables.index)가 없어 가중치를 찾을 수 없습니다.</translation>
    </message>
    <message>
        <source>The checkpoint index of {label}</source>
        <translation>{label}의 체크포인트 인덱스</translation>
    </message>
    <message>
        <source>The checkpoint of {label} was written big-endian, which kbuilder does not read.</source>
        <translation>{label}의 체크포인트는 빅 엔디언으로 저장되어 있어 kbuilder가 읽지 않습니다.</translation>
    </message>
    <message>
        <source>The checkpoint of {label} holds more tensors than kbuilder reads.</source>
        <translation>{label}의 체크포인트에 kbuilder가 읽을 수 있는 것보다 많은 텐서가 들어 있습니다.</translation>
    </message>
    <message>
        <source>The checkpoint index of {label} is compressed, which no TensorFlow checkpoint is, so kbuilder does not read it.</source>
        <translation>{label}의 체크포인트 인덱스가 압축되어 있습니다. TensorFlow 체크포인트는 압축되지 않으므로 kbuilder는 이 파일을 읽지 않습니다.</translation>
    </message>
    <message>
        <source>The checkpoint of {label} lacks the variable {key}, so it is incomplete.</source>
        <translation>{label}의 체크포인트에 변수 {key}이(가) 없어 불완전합니다.</translation>
    </message>
    <message>
        <source>A variable in the checkpoint of {label} declares {size} bytes for its shape&apos;s {expected}, so the file is damaged.</source>
        <translation>{label}의 체크포인트에 있는 한 변수가 크기에 맞는 {expected}바이트 대신 {size}바이트라고 선언하고 있어 파일이 손상되었습니다.</translation>
    </message>
    <message>
        <source>A variable in the checkpoint of {label} lies beyond the end of its data file ({size}), so the file is damaged or cut short.</source>
        <translation>{label}의 체크포인트에 있는 한 변수가 데이터 파일({size})의 끝을 넘어선 위치에 있어 파일이 손상되었거나 중간에 잘렸습니다.</translation>
    </message>
    <message>
        <source>The checkpoint of {label} holds a variable split into parts (a partitioned variable), which kbuilder does not read.</source>
        <translation>{label}의 체크포인트에 여러 부분으로 나뉜 변수(분할 변수)가 있어 kbuilder가 읽지 않습니다.</translation>
    </message>
    <message>
        <source>The checkpoint of {label} holds a variable of a kind that is not numbers (TensorFlow type {dtype}), which kbuilder does not read.</source>
        <translation>{label}의 체크포인트에 숫자가 아닌 종류의 변수(TensorFlow 타입 {dtype})가 있어 kbuilder가 읽지 않습니다.</translation>
    </message>
    <message>
        <source>The weights of {label} declare more than {size} or {count} arrays, more than kbuilder reads.</source>
        <translation>{label}의 가중치가 {size} 또는 배열 {count}개를 넘는다고 선언하고 있어 kbuilder가 읽을 수 있는 양을 초과합니다.</translation>
    </message>
</context>
<context>
    <name>keras_io.codegen</name>
    <message>
        <source>The connection from {source} to {target} uses an output or an input that does not exist; delete it and connect the two layers again before exporting.</source>
        <extracomment>Layers whose extra inputs are positional arguments (as build.py calls them).</extracomment>
        <translation>{source}에서 {target}(으)로 가는 연결이 존재하지 않는 출력이나 입력을 사용합니다. 내보내기 전에 이 연결을 삭제하고 두 층을 다시 연결하세요.</translation>
    </message>
    <message>
        <source>Layer {name} has no input: connect it or delete it before exporting.</source>
        <translation>층 {name}에 입력이 없습니다. 내보내기 전에 입력을 연결하거나 층을 삭제하세요.</translation>
    </message>
    <message>
        <source>Layer {name} has an invalid class name {cls}.</source>
        <translation>층 {name}의 클래스 이름 {cls}이(가) 올바르지 않습니다.</translation>
    </message>
    <message>
        <source>The model has no Input layer.</source>
        <translation>모델에 Input 층이 없습니다.</translation>
    </message>
    <message>
        <source>The model has no output layer.</source>
        <translation>모델에 출력 층이 없습니다.</translation>
    </message>
    <message>
        <source>A Sequential model is a single chain of layers from one Input to one output, but it has {count} inputs. Export it in the functional or subclass style instead.</source>
        <translation>Sequential 모델은 하나의 Input에서 하나의 출력까지 층이 한 줄로 이어진 모델인데, 이 모델에는 입력이 {count}개 있습니다. 대신 함수형(functional) 또는 서브클래싱(subclass) 스타일로 내보내세요.</translation>
    </message>
    <message>
        <source>A Sequential model is a single chain of layers from one Input to one output, but it has {count} outputs. Export it in the functional or subclass style instead.</source>
        <translation>Sequential 모델은 하나의 Input에서 하나의 출력까지 층이 한 줄로 이어진 모델인데, 이 모델에는 출력이 {count}개 있습니다. 대신 함수형(functional) 또는 서브클래싱(subclass) 스타일로 내보내세요.</translation>
    </message>
    <message>
        <source>A Sequential model is a single chain of layers from one Input to one output, but layer {name} shares its weights. Export it in the functional or subclass style instead.</source>
        <translation>Sequential 모델은 하나의 Input에서 하나의 출력까지 층이 한 줄로 이어진 모델인데, 층 {name}이(가) 가중치를 공유합니다. 대신 함수형(functional) 또는 서브클래싱(subclass) 스타일로 내보내세요.</translation>
    </message>
    <message>
        <source>A Sequential model is a single chain of layers from one Input to one output, but layer {name} takes {count} inputs. Export it in the functional or subclass style instead.</source>
        <translation>Sequential 모델은 하나의 Input에서 하나의 출력까지 층이 한 줄로 이어진 모델인데, 층 {name}이(가) 입력을 {count}개 받습니다. 대신 함수형(functional) 또는 서브클래싱(subclass) 스타일로 내보내세요.</translation>
    </message>
    <message>
        <source>A Sequential model is a single chain of layers from one Input to one output, but the output of {name} feeds several layers. Export it in the functional or subclass style instead.</source>
        <translation>Sequential 모델은 하나의 Input에서 하나의 출력까지 층이 한 줄로 이어진 모델인데, {name}의 출력이 여러 층으로 들어갑니다. 대신 함수형(functional) 또는 서브클래싱(subclass) 스타일로 내보내세요.</translation>
    </message>
    <message>
        <source>A Sequential model is a single chain of layers from one Input to one output, but layer {name} has several outputs. Export it in the functional or subclass style instead.</source>
        <translation>Sequential 모델은 하나의 Input에서 하나의 출력까지 층이 한 줄로 이어진 모델인데, 층 {name}의 출력이 여러 개입니다. 대신 함수형(functional) 또는 서브클래싱(subclass) 스타일로 내보내세요.</translation>
    </message>
    <message>
        <source>A Sequential model is a single chain of layers from one Input to one output, but layer {name} is not on the way to the output. Export it in the functional or subclass style instead.</source>
        <translation>Sequential 모델은 하나의 Input에서 하나의 출력까지 층이 한 줄로 이어진 모델인데, 층 {name}이(가) 출력으로 가는 경로에 있지 않습니다. 대신 함수형(functional) 또는 서브클래싱(subclass) 스타일로 내보내세요.</translation>
    </message>
    <message>
        <source>The graph has a loop (through {names}); remove it to export.</source>
        <translation>그래프에 루프가 있습니다({names} 포함). 내보내려면 루프를 없애세요.</translation>
    </message>
</context>
<context>
    <name>keras_io.config_structure</name>
    <message>
        <source>it unpacks into more than {limit} layers once its nested models and shared calls are counted, kbuilder&apos;s limit</source>
        <extracomment>Classes that are models, not single layers (a nested model is unpacked).</extracomment>
        <translation>중첩된 모델과 공유 호출까지 세면 층이 kbuilder의 한도인 {limit}개를 넘습니다</translation>
    </message>
    <message>
        <source>this is a {cls} config, not a Keras model (Functional or Sequential)</source>
        <translation>이것은 {cls} 설정이며 Keras 모델(Functional 또는 Sequential)이 아닙니다</translation>
    </message>
    <message>
        <source>no model found: expected a Keras model config with a list of layers</source>
        <translation>모델을 찾을 수 없습니다. 층 목록이 있는 Keras 모델 설정이어야 합니다</translation>
    </message>
    <message>
        <source>A second InputLayer {name} in a Sequential model was skipped.</source>
        <translation>Sequential 모델의 두 번째 InputLayer {name}은(는) 건너뛰었습니다.</translation>
    </message>
</context>
<context>
    <name>keras_io.config_values</name>
    <message>
        <source>Layer {name} ({cls}): Keras 3 has no argument {key}; it was dropped.</source>
        <translation>층 {name}({cls}): Keras 3에는 {key} 인자가 없어서 제거했습니다.</translation>
    </message>
    <message>
        <source>Layer {name} ({cls}): {key} names custom code ({custom}); the Keras default is used.</source>
        <translation>층 {name}({cls}): {key}이(가) 사용자 정의 코드({custom})를 가리키고 있어 Keras 기본값을 사용합니다.</translation>
    </message>
    <message>
        <source>{cls} from {module}</source>
        <translation>{module}의 {cls}</translation>
    </message>
    <message>
        <source>a {cls}</source>
        <translation>{cls}</translation>
    </message>
</context>
<context>
    <name>keras_io.custom_code</name>
    <message>
        <source>Loading {name} runs the Python code in it, with your permissions, as &apos;python {name}&apos; would: load only a file you wrote or trust. kbuilder never does this on its own.</source>
        <translation>{name}을(를) 불러오면 &apos;python {name}&apos;을(를) 실행할 때처럼 그 안의 Python 코드가 사용자의 권한으로 실행됩니다. 직접 작성했거나 신뢰하는 파일만 불러오세요. kbuilder는 이 작업을 스스로 하지 않습니다.</translation>
    </message>
    <message>
        <source>{file} is not a Python file (.py), so it cannot define layer classes.</source>
        <translation>{file}은(는) Python 파일(.py)이 아니므로 층 클래스를 정의할 수 없습니다.</translation>
    </message>
    <message>
        <source>{file} cannot be loaded as a Python module.</source>
        <translation>{file}을(를) Python 모듈로 불러올 수 없습니다.</translation>
    </message>
    <message>
        <source>{file} failed while loading: {error}</source>
        <translation>{file}을(를) 불러오는 중에 실패했습니다: {error}</translation>
    </message>
    <message>
        <source>{file} defines no Keras layer class (a subclass of keras.layers.Layer).</source>
        <translation>{file}에는 Keras 층 클래스(keras.layers.Layer의 서브클래스)가 정의되어 있지 않습니다.</translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <extracomment>Class name -&gt; the file it was loaded from (the exported code imports it from there).</extracomment>
        <translation>{names} 외 {count}개</translation>
    </message>
    <message>
        <source>{names} now uses your class {cls} with the settings the file saved.</source>
        <translation>{names} 층은 이제 파일에 저장된 설정으로 사용자 클래스 {cls}을(를) 사용합니다.</translation>
    </message>
    <message>
        <source>{names} now use your class {cls} with the settings the file saved.</source>
        <translation>{names} 층은 이제 파일에 저장된 설정으로 사용자 클래스 {cls}을(를) 사용합니다.</translation>
    </message>
    <message>
        <source>Still placeholders (no class of that name in the loaded file): {classes}.</source>
        <translation>아직 대체 층으로 남은 클래스(불러온 파일에 같은 이름의 클래스가 없음): {classes}.</translation>
    </message>
</context>
<context>
    <name>keras_io.error_words</name>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} 및 {second}</translation>
    </message>
    <message>
        <source>{cls} expects images shaped (height, width, channels) but receives {shape}. Insert a Reshape before it, e.g. to (28, 28, 1) for 28x28 grey images.</source>
        <translation>{cls} 층은 (높이, 너비, 채널) 크기의 이미지를 기대하지만 크기가 {shape}인 입력을 받습니다. 앞에 Reshape를 넣으세요. 예를 들어 28x28 흑백 이미지라면 (28, 28, 1)로 바꿉니다.</translation>
    </message>
    <message>
        <source>{cls} expects images shaped (height, width, channels) but receives {shape}. Insert a Reshape before it.</source>
        <translation>{cls} 층은 (높이, 너비, 채널) 크기의 이미지를 기대하지만 크기가 {shape}인 입력을 받습니다. 앞에 Reshape를 넣으세요.</translation>
    </message>
    <message>
        <source>{cls} expects a sequence shaped (steps, features) but receives {shape}. Insert a Reshape before it, e.g. to (28, 28) for 28x28 images.</source>
        <translation>{cls} 층은 (타임스텝, 특성) 크기의 시퀀스를 기대하지만 크기가 {shape}인 입력을 받습니다. 앞에 Reshape를 넣으세요. 예를 들어 28x28 이미지라면 (28, 28)로 바꿉니다.</translation>
    </message>
    <message>
        <source>{cls} expects a sequence shaped (steps, features) but receives {shape}. Insert a Reshape (e.g. to (28, 28)) or an Embedding before it.</source>
        <translation>{cls} 층은 (타임스텝, 특성) 크기의 시퀀스를 기대하지만 크기가 {shape}인 입력을 받습니다. 앞에 Reshape(예: (28, 28)로 바꾸기)나 Embedding을 넣으세요.</translation>
    </message>
    <message>
        <source>{cls} expects inputs with {count} dimension(s) per sample but receives {shape}. Insert a Flatten or a pooling layer before it.</source>
        <translation>{cls} 층은 샘플마다 {count}차원인 입력을 기대하지만 크기가 {shape}인 입력을 받습니다. 앞에 Flatten이나 풀링 층을 넣으세요.</translation>
    </message>
    <message>
        <source>{cls} expects inputs with {count} dimension(s) per sample but receives {shape}. Insert a Reshape before it.</source>
        <translation>{cls} 층은 샘플마다 {count}차원인 입력을 기대하지만 크기가 {shape}인 입력을 받습니다. 앞에 Reshape를 넣으세요.</translation>
    </message>
    <message>
        <source>{cls} works on images shaped (height, width, channels) but receives {shape}. Use it right after an image Input (e.g. shape [28, 28, 1]), or remove it.</source>
        <translation>{cls} 층은 (높이, 너비, 채널) 크기의 이미지에서 동작하지만 크기가 {shape}인 입력을 받습니다. 이미지 Input(예: shape [28, 28, 1]) 바로 뒤에 두거나, 이 층을 제거하세요.</translation>
    </message>
    <message>
        <source>{cls} works on grey (1 channel) or colour (3 channels) images, and some of its effects on colour images only, but receives {shape}. Remove it, or give the Input 1 or 3 channels.</source>
        <translation>{cls} 층은 흑백(채널 1개) 또는 컬러(채널 3개) 이미지에서 동작하고 일부 효과는 컬러 이미지에서만 동작하는데, 크기가 {shape}인 입력을 받습니다. 이 층을 제거하거나 Input의 채널을 1개 또는 3개로 설정하세요.</translation>
    </message>
    <message>
        <source>{cls} cannot work on the kind of values it receives: it needs numbers with decimals (float32). Set the Input&apos;s dtype to float32, or put a layer that turns them into numbers (an Embedding, a StringLookup) before it.</source>
        <translation>{cls} 층은 받은 종류의 값을 처리할 수 없습니다. 소수점이 있는 숫자(float32)가 필요합니다. Input의 dtype을 float32로 설정하거나, 값을 숫자로 바꾸는 층(Embedding, StringLookup)을 앞에 넣으세요.</translation>
    </message>
    <message>
        <source>{cls} cannot work on the {dtype} values it receives: it needs numbers with decimals (float32). Set the Input&apos;s dtype to float32, or put a layer that turns them into numbers (an Embedding, a StringLookup) before it.</source>
        <translation>{cls} 층은 받은 {dtype} 값을 처리할 수 없습니다. 소수점이 있는 숫자(float32)가 필요합니다. Input의 dtype을 float32로 설정하거나, 값을 숫자로 바꾸는 층(Embedding, StringLookup)을 앞에 넣으세요.</translation>
    </message>
    <message>
        <source>{cls} takes {first} or {second}, not both: clear one of them in the inspector.</source>
        <translation>{cls} 층에는 {first}와(과) {second} 중 하나만 지정할 수 있습니다. 속성 패널에서 둘 중 하나를 비우세요.</translation>
    </message>
    <message>
        <source>{cls} must learn its values from data (Keras&apos;s adapt()), which kbuilder does not do: give them in the inspector (its vocabulary, bin_boundaries, ...).</source>
        <translation>{cls} 층은 데이터에서 값을 배워야 하지만(Keras의 adapt()), kbuilder는 이 작업을 하지 않습니다. 속성 패널에서 값(vocabulary, bin_boundaries 등)을 직접 지정하세요.</translation>
    </message>
    <message>
        <source>{cls} works on {wanted} values but receives {given}: set the Input&apos;s dtype to {wanted}, or change the layers before it.</source>
        <translation>{cls} 층은 {wanted} 값에서 동작하지만 {given} 값을 받습니다. Input의 dtype을 {wanted}(으)로 설정하거나 앞쪽 층을 바꾸세요.</translation>
    </message>
    <message>
        <source>Concatenate can only join tensors whose shapes match except along the joining axis, but receives {shapes}. Flatten or reshape them so they agree.</source>
        <translation>Concatenate는 이어 붙이는 축을 뺀 나머지 크기가 모두 같은 텐서만 이어 붙일 수 있는데, {shapes}을(를) 받습니다. 크기가 맞도록 Flatten이나 Reshape를 사용하세요.</translation>
    </message>
    <message>
        <source>{cls} needs inputs of the same shape but receives {shapes}. Make the layers before it produce matching shapes.</source>
        <translation>{cls} 층에는 크기가 같은 입력이 필요하지만 {shapes}을(를) 받습니다. 앞쪽 층들이 같은 크기를 출력하도록 바꾸세요.</translation>
    </message>
    <message>
        <source>{name} must be a positive whole number (got {value}).</source>
        <translation>{name}은(는) 양의 정수여야 합니다(입력한 값: {value}).</translation>
    </message>
    <message>
        <source>{name} must be a whole number or a list of {count} whole numbers (got {value}).</source>
        <translation>{name}은(는) 정수 하나 또는 정수 {count}개의 리스트여야 합니다(입력한 값: {value}).</translation>
    </message>
    <message>
        <source>axis={axis} does not exist in an input shaped {shape}; use -1 for the last axis.</source>
        <translation>axis={axis}은(는) 크기가 {shape}인 입력에 없는 축입니다. 마지막 축은 -1로 지정하세요.</translation>
    </message>
    <message>
        <source>axis={axis} does not exist in an input shaped like this; use -1 for the last axis.</source>
        <translation>axis={axis}은(는) 이 입력에 없는 축입니다. 마지막 축은 -1로 지정하세요.</translation>
    </message>
    <message>
        <source>{name} must be greater than zero (got {value}).</source>
        <translation>{name}은(는) 0보다 커야 합니다(입력한 값: {value}).</translation>
    </message>
    <message>
        <source>{name} must be a number between 0 and 1 (got {value}).</source>
        <translation>{name}은(는) 0과 1 사이의 숫자여야 합니다(입력한 값: {value}).</translation>
    </message>
    <message>
        <source>{cls} needs a value for {names}; set it in the inspector.</source>
        <translation>{cls} 층에는 {names} 값이 필요합니다. 속성 패널에서 설정하세요.</translation>
    </message>
    <message>
        <source>{cls} has no parameter called {name}; remove it.</source>
        <translation>{cls} 층에는 {name}(이)라는 파라미터가 없습니다. 이 파라미터를 제거하세요.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a known {kind}; pick one from the list.</source>
        <translation>&apos;{value}&apos;은(는) 알려진 {kind}이(가) 아닙니다. 목록에서 하나를 고르세요.</translation>
    </message>
    <message>
        <source>{cls} would shrink its input {shapes} to nothing: its kernel or pool size is larger than the input. Use a smaller size, padding=&apos;same&apos;, or fewer pooling layers before it.</source>
        <translation>{cls} 층이 입력 {shapes}을(를) 크기 0으로 줄이게 됩니다. 커널이나 풀링 크기가 입력보다 큽니다. 더 작은 크기나 padding=&apos;same&apos;을 사용하거나, 앞쪽의 풀링 층을 줄이세요.</translation>
    </message>
    <message>
        <source>{cls} would shrink its input to nothing: its kernel or pool size is larger than the input. Use a smaller size, padding=&apos;same&apos;, or fewer pooling layers before it.</source>
        <translation>{cls} 층이 입력을 크기 0으로 줄이게 됩니다. 커널이나 풀링 크기가 입력보다 큽니다. 더 작은 크기나 padding=&apos;same&apos;을 사용하거나, 앞쪽의 풀링 층을 줄이세요.</translation>
    </message>
    <message>
        <source>Reshape cannot turn {source} ({source_count} values) into {target} ({target_count} values); the number of values must stay the same.</source>
        <translation>Reshape는 {source}(값 {source_count}개)을(를) {target}(값 {target_count}개)(으)로 바꿀 수 없습니다. 값의 개수가 그대로여야 합니다.</translation>
    </message>
    <message>
        <source>Reshape cannot turn {source} into {target}: the number of values must stay the same.</source>
        <translation>Reshape는 {source}을(를) {target}(으)로 바꿀 수 없습니다. 값의 개수가 그대로여야 합니다.</translation>
    </message>
    <message>
        <source>{cls} needs to know the size of the last axis but receives {shapes}. Give the Input a fixed size, or use a global pooling layer instead of Flatten.</source>
        <translation>{cls} 층은 마지막 축의 크기를 알아야 하지만 {shapes}을(를) 받습니다. Input에 고정된 크기를 지정하거나, Flatten 대신 전역 풀링 층을 사용하세요.</translation>
    </message>
    <message>
        <source>{cls} needs to know the size of the last axis but receives an unknown size. Give the Input a fixed size, or use a global pooling layer instead of Flatten.</source>
        <translation>{cls} 층은 마지막 축의 크기를 알아야 하지만 크기를 알 수 없는 입력을 받습니다. Input에 고정된 크기를 지정하거나, Flatten 대신 전역 풀링 층을 사용하세요.</translation>
    </message>
</context>
<context>
    <name>keras_io.file_guard</name>
    <message>
        <source>{n} bytes</source>
        <translation>{n}바이트</translation>
    </message>
    <message>
        <source>{name} links to {target}, which is a named pipe, not a file, so kbuilder does not read it.</source>
        <translation>{name}은(는) {target}을(를) 가리키는데, 이것은 파일이 아니라 이름 있는 파이프이므로 kbuilder가 읽지 않습니다.</translation>
    </message>
    <message>
        <source>{name} links to {target}, which is a device, not a file, so kbuilder does not read it.</source>
        <translation>{name}은(는) {target}을(를) 가리키는데, 이것은 파일이 아니라 장치이므로 kbuilder가 읽지 않습니다.</translation>
    </message>
    <message>
        <source>{name} links to {target}, which is a socket, not a file, so kbuilder does not read it.</source>
        <translation>{name}은(는) {target}을(를) 가리키는데, 이것은 파일이 아니라 소켓이므로 kbuilder가 읽지 않습니다.</translation>
    </message>
    <message>
        <source>{name} links to {target}, which is not a regular file, not a file, so kbuilder does not read it.</source>
        <translation>{name}은(는) {target}을(를) 가리키는데, 이것은 일반 파일이 아니므로 kbuilder가 읽지 않습니다.</translation>
    </message>
    <message>
        <source>{name} is a named pipe, not a file, so kbuilder does not read it.</source>
        <translation>{name}은(는) 파일이 아니라 이름 있는 파이프이므로 kbuilder가 읽지 않습니다.</translation>
    </message>
    <message>
        <source>{name} is a device, not a file, so kbuilder does not read it.</source>
        <translation>{name}은(는) 파일이 아니라 장치이므로 kbuilder가 읽지 않습니다.</translation>
    </message>
    <message>
        <source>{name} is a socket, not a file, so kbuilder does not read it.</source>
        <translation>{name}은(는) 파일이 아니라 소켓이므로 kbuilder가 읽지 않습니다.</translation>
    </message>
    <message>
        <source>{name} is not a regular file, not a file, so kbuilder does not read it.</source>
        <translation>{name}은(는) 일반 파일이 아니므로 kbuilder가 읽지 않습니다.</translation>
    </message>
    <message>
        <source>No such file: {path}</source>
        <translation>파일이 없습니다: {path}</translation>
    </message>
    <message>
        <source>Cannot read {name}: {reason}.</source>
        <translation>{name}을(를) 읽을 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <source>{what} is larger than kbuilder&apos;s limit of {limit}.</source>
        <translation>{what}이(가) kbuilder의 한도인 {limit}보다 큽니다.</translation>
    </message>
    <message>
        <source>{label} holds {count} entries, more than kbuilder&apos;s limit of {limit}.</source>
        <translation>{label}에 항목이 {count}개 있어 kbuilder의 한도인 {limit}개를 넘습니다.</translation>
    </message>
    <message>
        <source>{label} would expand to {size}, more than kbuilder&apos;s limit of {limit}, so nothing was extracted.</source>
        <translation>{label}의 압축을 풀면 {size}가 되어 kbuilder의 한도인 {limit}를 넘으므로 아무것도 풀지 않았습니다.</translation>
    </message>
    <message>
        <source>{member} in {label} is encrypted, which a Keras file never is.</source>
        <translation>{label} 안의 {member}이(가) 암호화되어 있습니다. Keras 파일은 암호화되지 않습니다.</translation>
    </message>
    <message>
        <source>{member} in {label} declares {size}, more than kbuilder&apos;s limit of {limit}, so nothing was extracted.</source>
        <translation>{label} 안의 {member}이(가) 크기를 {size}로 선언하고 있어 kbuilder의 한도인 {limit}를 넘으므로 아무것도 풀지 않았습니다.</translation>
    </message>
    <message>
        <source>{member} in {label} would expand from {stored} to {size}, more than the {ratio}:1 kbuilder accepts, so nothing was extracted.</source>
        <translation>{label} 안의 {member}은(는) 압축을 풀면 {stored}에서 {size}로 늘어나 kbuilder가 허용하는 {ratio}:1 비율을 넘으므로 아무것도 풀지 않았습니다.</translation>
    </message>
    <message>
        <source>{member} in {label} needs {size} of temporary space and only {free} is free, so nothing was extracted.</source>
        <translation>{label} 안의 {member}에는 임시 공간이 {size} 필요하지만 남은 공간이 {free}뿐이어서 아무것도 풀지 않았습니다.</translation>
    </message>
    <message>
        <source>{member} in {label} holds more than its header declares, so the file is damaged.</source>
        <translation>{label} 안의 {member}에 헤더에 선언된 것보다 많은 데이터가 들어 있어 파일이 손상되었습니다.</translation>
    </message>
</context>
<context>
    <name>keras_io.fixes</name>
    <message>
        <source>Disconnect {source} from {target}</source>
        <extracomment>The palette&apos;s shape for a new Input (kbuilder.layers.introspect.input_spec).</extracomment>
        <translation>{source}와(과) {target}의 연결 끊기</translation>
    </message>
    <message>
        <source>Remove the connection from {source} to {target}</source>
        <translation>{source}에서 {target}(으)로 가는 연결 제거</translation>
    </message>
    <message>
        <source>Delete {name}</source>
        <translation>{name} 삭제</translation>
    </message>
    <message>
        <source>Connect {source} to {target}</source>
        <translation>{source}을(를) {target}에 연결</translation>
    </message>
    <message>
        <source>Add an Input</source>
        <translation>Input 추가</translation>
    </message>
    <message>
        <source>Add an Input of shape {shape} before {name}</source>
        <translation>{name} 앞에 크기가 {shape}인 Input 추가</translation>
    </message>
    <message>
        <source>Flatten turns each {shape} sample into {count} values.</source>
        <translation>Flatten은 크기가 {shape}인 각 샘플을 값 {count}개로 펼칩니다.</translation>
    </message>
    <message>
        <source>Flatten turns each {shape} sample into one vector.</source>
        <translation>Flatten은 크기가 {shape}인 각 샘플을 벡터 하나로 펼칩니다.</translation>
    </message>
    <message>
        <source>Insert a Flatten before {name}</source>
        <translation>{name} 앞에 Flatten 넣기</translation>
    </message>
    <message>
        <source>Insert Flatten before {name}</source>
        <translation>{name} 앞에 Flatten 넣기</translation>
    </message>
    <message>
        <source>Insert a {layer} before {name}</source>
        <translation>{name} 앞에 {layer} 넣기</translation>
    </message>
    <message>
        <source>Insert {layer} before {name}</source>
        <translation>{name} 앞에 {layer} 넣기</translation>
    </message>
    <message>
        <source>{layer} averages each of the {count} {axis} over the other axes: fewer weights than Flatten.</source>
        <translation>{layer}은(는) {count}개의 {axis} 각각을 나머지 축에 걸쳐 평균합니다. Flatten보다 가중치가 적습니다.</translation>
    </message>
    <message>
        <source>{cls} needs {count} axes per sample ({axes}) but receives {shape}; the Reshape adds a channel axis.</source>
        <translation>{cls} 층은 샘플마다 축 {count}개({axes})가 필요하지만 크기가 {shape}인 입력을 받습니다. Reshape가 채널 축을 추가합니다.</translation>
    </message>
    <message>
        <source>{cls} needs {count} axes per sample ({axes}) but receives {shape}; a Reshape reads its {values} values as {side} × {side} pictures with 1 channel.</source>
        <translation>{cls} 층은 샘플마다 축 {count}개({axes})가 필요하지만 크기가 {shape}인 입력을 받습니다. Reshape가 값 {values}개를 채널이 1개인 {side} × {side} 이미지로 바꿉니다.</translation>
    </message>
    <message>
        <source>{cls} needs {count} axes per sample ({axes}) but receives {shape}; the Reshape joins the last two axes.</source>
        <translation>{cls} 층은 샘플마다 축 {count}개({axes})가 필요하지만 크기가 {shape}인 입력을 받습니다. Reshape가 마지막 두 축을 하나로 합칩니다.</translation>
    </message>
    <message>
        <source>Insert a Reshape to {shape} before {name}</source>
        <translation>{name} 앞에 {shape}(으)로 바꾸는 Reshape 넣기</translation>
    </message>
    <message>
        <source>Insert Reshape before {name}</source>
        <translation>{name} 앞에 Reshape 넣기</translation>
    </message>
    <message>
        <source>Give the Input {name} the shape {shape}</source>
        <translation>Input {name}의 크기를 {shape}(으)로 설정</translation>
    </message>
    <message>
        <source>Set the shape of {name}</source>
        <translation>{name}의 크기 설정</translation>
    </message>
    <message>
        <source>{cls} needs {count} axes per sample; training reshapes the data to fit.</source>
        <translation>{cls} 층은 샘플마다 축 {count}개가 필요합니다. 훈련할 때 데이터의 크기를 여기에 맞게 바꿉니다.</translation>
    </message>
</context>
<context>
    <name>keras_io.from_config</name>
    <message>
        <source>a Keras model config is a JSON object</source>
        <translation>Keras 모델 설정은 JSON 객체여야 합니다</translation>
    </message>
    <message>
        <source>the model config has no list of layers</source>
        <translation>모델 설정에 층 목록이 없습니다</translation>
    </message>
    <message>
        <source>layer {name} takes {count} inputs, more than kbuilder&apos;s limit of {limit}</source>
        <translation>층 {name}의 입력이 {count}개로 kbuilder의 한도인 {limit}개를 넘습니다</translation>
    </message>
    <message>
        <source>Layer {name} refers to {source} (call {call}), which is not in the file; that connection was left out.</source>
        <translation>층 {name}이(가) 파일에 없는 {source}(호출 {call})을(를) 가리키고 있어 그 연결은 빼 두었습니다.</translation>
    </message>
    <message>
        <source>Layer {name} takes its own output; that connection was left out.</source>
        <translation>층 {name}이(가) 자기 자신의 출력을 입력으로 받고 있어 그 연결은 빼 두었습니다.</translation>
    </message>
    <message>
        <source>The model output {name} is not among the layers; it was left out.</source>
        <translation>모델 출력 {name}이(가) 층 가운데 없어서 빼 두었습니다.</translation>
    </message>
    <message>
        <source>The model output is output {port} of layer {name}; kbuilder marks the whole layer as an output.</source>
        <translation>모델 출력은 층 {name}의 {port}번 출력입니다. kbuilder는 층 전체를 출력으로 표시합니다.</translation>
    </message>
    <message>
        <source>The model&apos;s outputs will be in the order {order}.</source>
        <translation>모델의 출력은 {order} 순서가 됩니다.</translation>
    </message>
    <message>
        <source>Nested model {model}: its input {name} is not fed; left unconnected.</source>
        <translation>중첩 모델 {model}: 입력 {name}에 들어오는 값이 없어 연결하지 않은 채로 두었습니다.</translation>
    </message>
    <message>
        <source>The nested model {name} was unpacked: its layers now sit in this model and are shared between its calls.</source>
        <translation>중첩 모델 {name}을(를) 풀어 놓았습니다. 그 층들은 이제 이 모델 안에 있고, 모델을 호출한 곳들이 층을 공유합니다.</translation>
    </message>
    <message>
        <source>The nested model {name} was unpacked: its layers now sit in this model.</source>
        <translation>중첩 모델 {name}을(를) 풀어 놓았습니다. 그 층들은 이제 이 모델 안에 있습니다.</translation>
    </message>
    <message>
        <source>the Sequential config has no list of layers</source>
        <translation>Sequential 설정에 층 목록이 없습니다</translation>
    </message>
    <message>
        <source>The file does not say the model&apos;s input shape; set it on the Input layer.</source>
        <translation>파일에 모델의 입력 크기가 없습니다. Input 층에서 지정하세요.</translation>
    </message>
    <message>
        <source>Input {name} has no shape in the file; set it.</source>
        <translation>파일에 Input {name}의 크기가 없습니다. 크기를 지정하세요.</translation>
    </message>
    <message>
        <source>holds Python code, which kbuilder never runs from a file</source>
        <translation>Python 코드를 담고 있는데, kbuilder는 파일에서 읽은 코드를 절대 실행하지 않습니다</translation>
    </message>
    <message>
        <source>is a model inside the model, which kbuilder cannot draw yet</source>
        <translation>모델 안에 든 모델이라 kbuilder가 아직 그릴 수 없습니다</translation>
    </message>
    <message>
        <source>comes from outside Keras (module {module})</source>
        <translation>Keras 밖에서 온 층입니다(모듈 {module})</translation>
    </message>
    <message>
        <source>is not a Keras 3 layer class</source>
        <translation>Keras 3의 층 클래스가 아닙니다</translation>
    </message>
    <message>
        <source>The layer name {name} is used twice; the second is now {new}.</source>
        <translation>층 이름 {name}이(가) 두 번 쓰였습니다. 두 번째 층의 이름은 이제 {new}입니다.</translation>
    </message>
</context>
<context>
    <name>keras_io.h5_guard</name>
    <message>
        <source>{label} has a link that points to another file, which kbuilder refuses to follow.</source>
        <translation>{label}에 다른 파일을 가리키는 링크가 있어 kbuilder가 따라가기를 거부합니다.</translation>
    </message>
    <message>
        <source>A weight in {label} is not numeric, so the file is damaged or not a Keras model.</source>
        <translation>{label}의 가중치 중 숫자가 아닌 것이 있어, 파일이 손상되었거나 Keras 모델이 아닙니다.</translation>
    </message>
    <message>
        <source>{label} has links that lead round in a circle or through more than {limit} other links, so it is damaged or hostile.</source>
        <translation>{label}에 빙 돌아 제자리로 오거나 다른 링크를 {limit}개 넘게 거치는 링크가 있어, 손상되었거나 악의적으로 만든 파일입니다.</translation>
    </message>
    <message>
        <source>{label} keeps data outside itself, which kbuilder refuses to read.</source>
        <translation>{label}은(는) 데이터를 파일 밖에 두고 있어 kbuilder가 읽기를 거부합니다.</translation>
    </message>
    <message>
        <source>{label} holds more than kbuilder&apos;s limit of {limit} objects.</source>
        <translation>{label}에 kbuilder의 한도인 {limit}개보다 많은 객체가 들어 있습니다.</translation>
    </message>
    <message>
        <source>The weights in {label} declare more than {limit}, kbuilder&apos;s limit, so they were not read.</source>
        <translation>{label}의 가중치가 kbuilder의 한도인 {limit}를 넘는다고 선언하고 있어 읽지 않았습니다.</translation>
    </message>
    <message>
        <source>The weights in {label} declare more than {limit}, what a {size} file can hold, so they were not read.</source>
        <translation>{label}의 가중치가 {size} 크기의 파일에 담길 수 있는 {limit}를 넘는다고 선언하고 있어 읽지 않았습니다.</translation>
    </message>
    <message>
        <source>{label} holds more than kbuilder&apos;s limit of {limit} weight arrays.</source>
        <translation>{label}에 kbuilder의 한도인 {limit}개보다 많은 가중치 배열이 들어 있습니다.</translation>
    </message>
    <message>
        <source>A weight in {label} is not an array, so the file is damaged.</source>
        <translation>{label}의 가중치 중 배열이 아닌 것이 있어 파일이 손상되었습니다.</translation>
    </message>
    <message>
        <source>A weight in {label} is an empty placeholder, so the file is damaged.</source>
        <translation>{label}의 가중치 중 내용 없이 자리만 있는 것이 있어 파일이 손상되었습니다.</translation>
    </message>
    <message>
        <source>A weight in {label} is stored in chunks of {size}, more than kbuilder&apos;s limit of {limit}.</source>
        <translation>{label}의 가중치 중 {size} 크기의 청크로 저장된 것이 있어 kbuilder의 한도인 {limit}를 넘습니다.</translation>
    </message>
    <message>
        <source>A weight in {label} declares {size} but the file holds no data for it, so kbuilder refuses the file as damaged.</source>
        <translation>{label}의 가중치 중 {size}라고 선언했지만 파일에 데이터가 전혀 없는 것이 있어, kbuilder는 손상된 파일로 보고 거부합니다.</translation>
    </message>
    <message>
        <source>A weight in {label} claims {stored} of storage in a file of {size}, so the file is damaged.</source>
        <translation>{label}의 가중치 중 {size} 크기의 파일에서 저장 공간을 {stored} 차지한다고 주장하는 것이 있어 파일이 손상되었습니다.</translation>
    </message>
    <message>
        <source>A weight in {label} declares {size} but the file holds only {stored} of it, so kbuilder refuses the file as damaged.</source>
        <translation>{label}의 가중치 중 {size}라고 선언했지만 파일에는 {stored}만 들어 있는 것이 있어, kbuilder는 손상된 파일로 보고 거부합니다.</translation>
    </message>
    <message>
        <source>A weight in {label} would expand from {stored} to {size}, more than the {ratio}:1 kbuilder accepts, so it refuses the file.</source>
        <translation>{label}의 가중치 중 {stored}에서 {size}로 늘어나는 것이 있어 kbuilder가 허용하는 {ratio}:1 비율을 넘으므로 파일을 거부합니다.</translation>
    </message>
</context>
<context>
    <name>keras_io.importing</name>
    <message>
        <source>a Keras model description is text</source>
        <translation>Keras 모델 설명은 텍스트여야 합니다</translation>
    </message>
    <message>
        <source>this is not valid JSON (line {line})</source>
        <translation>올바른 JSON이 아닙니다({line}번째 줄)</translation>
    </message>
    <message>
        <source>it holds a whole number too long to read</source>
        <translation>읽기에는 너무 긴 정수가 들어 있습니다</translation>
    </message>
    <message>
        <source>a Keras model config is a JSON object</source>
        <translation>Keras 모델 설정은 JSON 객체여야 합니다</translation>
    </message>
    <message>
        <source>{names} and {n} more</source>
        <translation>{names} 외 {n}개</translation>
    </message>
    <message>
        <source>Layers {names} are raw TensorFlow calls ({calls}) that Keras 2 recorded as {cls} layers; Keras 3 has no such layer, so they became placeholders that never run: replace them with built-in layers or write them in the exported Python code.</source>
        <translation>층 {names}은(는) Keras 2가 {cls} 층으로 기록한 TensorFlow 함수 호출({calls})입니다. Keras 3에는 이런 층이 없으므로 실행되지 않는 대체 층이 되었습니다. 기본 제공 층으로 바꾸거나 내보낸 Python 코드에 직접 작성하세요.</translation>
    </message>
    <message>
        <source>Layer {names} is a raw TensorFlow call ({calls}) that Keras 2 recorded as {cls} layers; Keras 3 has no such layer, so it became a placeholder that never runs: replace it with built-in layers or write it in the exported Python code.</source>
        <translation>층 {names}은(는) Keras 2가 {cls} 층으로 기록한 TensorFlow 함수 호출({calls})입니다. Keras 3에는 이런 층이 없으므로 실행되지 않는 대체 층이 되었습니다. 기본 제공 층으로 바꾸거나 내보낸 Python 코드에 직접 작성하세요.</translation>
    </message>
    <message>
        <source>Layers {names} ({cls}): each {why}, so they became placeholders that never run; replace them with built-in layers or write their code yourself in the exported Python.</source>
        <translation>층 {names}({cls}): 각 층은 {why}. 그래서 실행되지 않는 대체 층이 되었습니다. 기본 제공 층으로 바꾸거나 내보낸 Python 코드에 직접 코드를 작성하세요.</translation>
    </message>
    <message>
        <source>The file saved no settings for it.</source>
        <translation>파일에 이 층의 설정이 저장되어 있지 않습니다.</translation>
    </message>
    <message>
        <source>Its saved settings are kept: {settings}.</source>
        <translation>저장된 설정은 그대로 유지됩니다: {settings}.</translation>
    </message>
</context>
<context>
    <name>keras_io.legacy</name>
    <message>
        <source>The file&apos;s model description is not a Keras model config.</source>
        <translation>파일의 모델 설명이 Keras 모델 설정이 아닙니다.</translation>
    </message>
    <message>
        <source>This model was saved by Keras {version}, which is too old for kbuilder: open it with Keras 2 and save it again.</source>
        <translation>이 모델은 Keras {version}으로 저장되어 kbuilder가 읽기에는 너무 오래되었습니다. Keras 2로 열어서 다시 저장하세요.</translation>
    </message>
    <message>
        <source>This model was saved by Keras {version}, newer than kbuilder understands; save it in the Keras 3 format or update kbuilder.</source>
        <translation>이 모델은 kbuilder가 이해하는 것보다 새로운 Keras {version}으로 저장되었습니다. Keras 3 형식으로 저장하거나 kbuilder를 업데이트하세요.</translation>
    </message>
    <message>
        <source>The file&apos;s model description is nested too deeply to be a Keras model.</source>
        <translation>파일의 모델 설명이 너무 깊이 중첩되어 있어 Keras 모델로 볼 수 없습니다.</translation>
    </message>
    <message>
        <source>{names}: time_major=True has no Keras 3 equivalent; now they read (batch, time, features), so transpose the input before them.</source>
        <translation>{names}: Keras 3에는 time_major=True에 해당하는 기능이 없습니다. 이제 이 층은 입력을 (batch, time, features) 순서로 읽으므로, 층 앞에서 입력의 축 순서를 바꾸세요(transpose).</translation>
    </message>
    <message>
        <source>Dropped Keras 2&apos;s time_major=False from {names}: Keras 3 is always batch-major.</source>
        <translation>{names}에서 Keras 2의 time_major=False를 제거했습니다. Keras 3은 항상 배치 차원이 먼저 옵니다.</translation>
    </message>
    <message>
        <source>Dropped Keras 2&apos;s implementation setting from {names}: Keras 3 picks the kernel itself.</source>
        <translation>{names}에서 Keras 2의 implementation 설정을 제거했습니다. Keras 3은 구현 방식을 스스로 고릅니다.</translation>
    </message>
    <message>
        <source>Layer {name} ({cls}) had groups={groups}, which Keras 3 does not offer for {cls}; it was removed.</source>
        <translation>층 {name}({cls})에 groups={groups}가 있었지만 Keras 3의 {cls}에는 이 설정이 없어서 제거했습니다.</translation>
    </message>
    <message>
        <source>Dropped Keras 2&apos;s groups=1 from {names}: Keras 3&apos;s depthwise, separable and transposed convolutions have no groups.</source>
        <translation>{names}에서 Keras 2의 groups=1을 제거했습니다. Keras 3의 깊이별(depthwise), 분리(separable), 전치(transposed) 합성곱에는 groups가 없습니다.</translation>
    </message>
    <message>
        <source>Dropped input_length from {names}: Keras 3 takes the sequence length from the Input.</source>
        <translation>{names}에서 input_length를 제거했습니다. Keras 3은 시퀀스 길이를 Input에서 가져옵니다.</translation>
    </message>
    <message>
        <source>Layer {name} used ghost batch normalisation (virtual_batch_size), which Keras 3 lacks; it was removed.</source>
        <translation>층 {name}은(는) Keras 3에 없는 고스트 배치 정규화(virtual_batch_size)를 사용해서 이 설정을 제거했습니다.</translation>
    </message>
    <message>
        <source>ThresholdedReLU {names} became ReLU with the same threshold (Keras 3 removed ThresholdedReLU).</source>
        <translation>ThresholdedReLU {names}은(는) 같은 임곗값을 쓰는 ReLU로 바뀌었습니다(Keras 3에서 ThresholdedReLU가 없어졌습니다).</translation>
    </message>
    <message>
        <source>Layer {name} was causal; in Keras 3 causality is a call argument (use_causal_mask), which kbuilder&apos;s graph cannot set, so check the exported code.</source>
        <translation>층 {name}은(는) causal이었습니다. Keras 3에서는 이것이 호출 인자(use_causal_mask)인데 kbuilder의 그래프에서는 지정할 수 없으니, 내보낸 코드를 확인하세요.</translation>
    </message>
    <message>
        <source>Dropped {key} from {cls} layer {names}: Keras 3 no longer has that setting.</source>
        <translation>{cls} 층 {names}에서 {key}을(를) 제거했습니다. Keras 3에는 더 이상 이 설정이 없습니다.</translation>
    </message>
    <message>
        <source>Dropped {key} from {cls} layers {names}: Keras 3 no longer has that setting.</source>
        <translation>{cls} 층 {names}에서 {key}을(를) 제거했습니다. Keras 3에는 더 이상 이 설정이 없습니다.</translation>
    </message>
</context>
<context>
    <name>keras_io.merge_fixes</name>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} 및 {second}</translation>
    </message>
    <message>
        <source>input {number} has 1 axis {shape}</source>
        <translation>입력 {number}: 축 1개 {shape}</translation>
    </message>
    <message>
        <source>input {number} has {count} axes {shape}</source>
        <translation>입력 {number}: 축 {count}개 {shape}</translation>
    </message>
    <message>
        <source>The inputs of {cls} do not have the same number of axes: {inputs}.</source>
        <translation>{cls} 층의 입력들은 축 개수가 서로 다릅니다: {inputs}.</translation>
    </message>
    <message>
        <source>axis {number} ({name}: {sizes})</source>
        <translation>축 {number}({name}: {sizes})</translation>
    </message>
    <message>
        <source>{cls} combines the inputs value by value, so their shapes must be equal.</source>
        <translation>{cls} 층은 입력을 값끼리 하나씩 결합하므로 입력의 크기가 같아야 합니다.</translation>
    </message>
    <message>
        <source>Concatenate&apos;s axis {axis} is not an axis of these inputs.</source>
        <translation>Concatenate의 axis {axis}은(는) 이 입력들에 있는 축이 아닙니다.</translation>
    </message>
    <message>
        <source>Concatenate joins them along axis {number} ({name}), so every other axis must agree.</source>
        <translation>Concatenate는 축 {number}({name})을(를) 따라 입력을 이어 붙이므로 나머지 축은 크기가 모두 같아야 합니다.</translation>
    </message>
    <message>
        <source>The inputs of {cls} differ along {axes}. {rule}</source>
        <translation>{cls} 층의 입력들은 {axes}에서 크기가 다릅니다. {rule}</translation>
    </message>
    <message>
        <source>{action} ({layer} after {names})</source>
        <translation>{action} ({names} 뒤에 {layer})</translation>
    </message>
    <message>
        <source>{action} of {name}</source>
        <translation>{action} ({name})</translation>
    </message>
    <message>
        <source>Set the {parameter} of {name} to {value}</source>
        <translation>{name}의 {parameter}을(를) {value}(으)로 설정</translation>
    </message>
    <message>
        <source>Set {parameter}</source>
        <translation>{parameter} 설정</translation>
    </message>
    <message>
        <source>Pool the inputs of {name} to vectors</source>
        <translation>{name}의 입력을 풀링하여 벡터로 만들기</translation>
    </message>
    <message>
        <source>Flatten the inputs of {name}</source>
        <translation>{name}의 입력을 Flatten으로 펼치기</translation>
    </message>
    <message>
        <source>Reshape to {shape} before {name}</source>
        <translation>{name} 앞에서 {shape}(으)로 Reshape</translation>
    </message>
</context>
<context>
    <name>keras_io.model_file</name>
    <message>
        <source>{name} is empty.</source>
        <translation>{name}이(가) 비어 있습니다.</translation>
    </message>
    <message>
        <source>{name} is a folder, not a model file (nor a Keras 3 model folder or a SavedModel).</source>
        <translation>{name}은(는) 모델 파일이 아니라 폴더입니다(Keras 3 모델 폴더나 SavedModel도 아닙니다).</translation>
    </message>
    <message>
        <source>{name} holds only weights, not the model&apos;s layers; open the file saved with model.save() (or build the model, then load these weights into it).</source>
        <translation>{name}에는 모델의 층은 없고 가중치만 들어 있습니다. model.save()로 저장한 파일을 여세요(또는 모델을 만든 뒤 이 가중치를 불러오세요).</translation>
    </message>
    <message>
        <source>{name} holds no model description.</source>
        <translation>{name}에 모델 설명이 없습니다.</translation>
    </message>
    <message>
        <source>The model description in {name} is damaged.</source>
        <translation>{name}의 모델 설명이 손상되었습니다.</translation>
    </message>
    <message>
        <source>Cannot read {name}: {reason}.</source>
        <translation>{name}을(를) 읽을 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <source>{name} is not a Keras model description (it is not text).</source>
        <translation>{name}은(는) Keras 모델 설명이 아닙니다(텍스트 파일이 아닙니다).</translation>
    </message>
    <message>
        <source>{name} is not valid JSON, so it is not a Keras model description.</source>
        <translation>{name}은(는) 올바른 JSON이 아니므로 Keras 모델 설명이 아닙니다.</translation>
    </message>
    <message>
        <source>The Keras records in {name} are damaged.</source>
        <translation>{name}의 Keras 기록이 손상되었습니다.</translation>
    </message>
    <message>
        <source>{name} is a TensorFlow SavedModel folder: kbuilder read its layers from the Keras records in it and its weights from its variables checkpoint; nothing in it was run.</source>
        <translation>{name}은(는) TensorFlow SavedModel 폴더입니다. kbuilder는 층을 그 안의 Keras 기록에서, 가중치를 variables 체크포인트에서 읽었으며, 폴더 안의 어떤 것도 실행하지 않았습니다.</translation>
    </message>
    <message>
        <source>The model description in {name} cannot be read: {problem}.</source>
        <translation>{name}의 모델 설명을 읽을 수 없습니다: {problem}.</translation>
    </message>
    <message>
        <source>{name} cannot be read as a Keras model: {reason}.</source>
        <translation>{name}을(를) Keras 모델로 읽을 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <source>The model description in {name} is nested too deeply to be a Keras model.</source>
        <translation>{name}의 모델 설명이 너무 깊이 중첩되어 있어 Keras 모델로 볼 수 없습니다.</translation>
    </message>
    <message>
        <source>The model description in {name} is malformed, so kbuilder cannot draw it ({error}).</source>
        <translation>{name}의 모델 설명 형식이 잘못되어 kbuilder가 그릴 수 없습니다({error}).</translation>
    </message>
    <message>
        <source>The weights in {name} could not be matched to its layers ({error}); the layers start from fresh weights.</source>
        <translation>{name}의 가중치를 층에 맞출 수 없었습니다({error}). 층은 새로 초기화된 가중치로 시작합니다.</translation>
    </message>
    <message>
        <source>The weights in {name} are stored in a way kbuilder cannot read yet ({why}); the layers start from fresh weights.</source>
        <translation>{name}의 가중치는 kbuilder가 아직 읽을 수 없는 방식으로 저장되어 있습니다({why}). 층은 새로 초기화된 가중치로 시작합니다.</translation>
    </message>
    <message>
        <source>{name} is a folder, not a weights file.</source>
        <translation>{name}은(는) 가중치 파일이 아니라 폴더입니다.</translation>
    </message>
    <message>
        <source>{name} holds no weights kbuilder can read.</source>
        <translation>{name}에 kbuilder가 읽을 수 있는 가중치가 없습니다.</translation>
    </message>
    <message>
        <source>Could not save {name}: {reason}. The previous file was left as it was.</source>
        <translation>{name}을(를) 저장할 수 없었습니다: {reason}. 이전 파일은 그대로 두었습니다.</translation>
    </message>
    <message>
        <source>{names} and {n} more</source>
        <translation>{names} 외 {n}개</translation>
    </message>
    <message>
        <source>1 layer needs your own code before the model can be saved as {what}: {names}; replace it with built-in layers, or export the Python code and write the missing part there.</source>
        <translation>모델을 {what}(으)로 저장하려면 먼저 층 1개에 직접 코드를 작성해야 합니다: {names}. 기본 제공 층으로 바꾸거나, Python 코드를 내보내 빠진 부분을 그곳에 작성하세요.</translation>
    </message>
    <message>
        <source>{n} layers need your own code before the model can be saved as {what}: {names}; replace them with built-in layers, or export the Python code and write the missing part there.</source>
        <translation>모델을 {what}(으)로 저장하려면 먼저 층 {n}개에 직접 코드를 작성해야 합니다: {names}. 기본 제공 층으로 바꾸거나, Python 코드를 내보내 빠진 부분을 그곳에 작성하세요.</translation>
    </message>
    <message>
        <source>a Keras model</source>
        <translation>Keras 모델</translation>
    </message>
    <message>
        <source>The model cannot be built: {reason}</source>
        <translation>모델을 만들 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>A model file must end in .keras or .h5 (got {name}).</source>
        <translation>모델 파일 이름은 .keras나 .h5로 끝나야 합니다(받은 이름: {name}).</translation>
    </message>
    <message>
        <source>a {suffix} file</source>
        <translation>{suffix} 파일</translation>
    </message>
    <message>
        <source>Keras could not save {name}: {error}</source>
        <translation>Keras가 {name}을(를) 저장하지 못했습니다: {error}</translation>
    </message>
</context>
<context>
    <name>keras_io.read_child</name>
    <message>
        <source>{name} is an HDF5 file but holds no Keras model.</source>
        <translation>{name}은(는) HDF5 파일이지만 Keras 모델이 들어 있지 않습니다.</translation>
    </message>
    <message>
        <source>The model description in {name} is too large or unreadable.</source>
        <translation>{name}의 모델 설명이 너무 크거나 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>The weights in {name} are not a group of arrays, so the file is damaged.</source>
        <translation>{name}의 가중치가 배열 묶음(그룹)이 아니어서 파일이 손상되었습니다.</translation>
    </message>
    <message>
        <source>{label} is a kbuilder weights file without its layers, so it is damaged.</source>
        <translation>{label}은(는) 층 정보가 없는 kbuilder 가중치 파일이어서 손상된 파일입니다.</translation>
    </message>
    <message>
        <source>The weights of layer {layer} are not a group of arrays, so the file is damaged.</source>
        <translation>층 {layer}의 가중치가 배열 묶음(그룹)이 아니어서 파일이 손상되었습니다.</translation>
    </message>
    <message>
        <source>The weights of layer {layer} are incomplete, so the file is damaged.</source>
        <translation>층 {layer}의 가중치가 불완전하여 파일이 손상되었습니다.</translation>
    </message>
    <message>
        <source>The weights inside {label} are damaged.</source>
        <translation>{label} 안의 가중치가 손상되었습니다.</translation>
    </message>
    <message>
        <source>{name} is not a complete .keras file (the zip archive is damaged or cut short).</source>
        <translation>{name}은(는) 완전한 .keras 파일이 아닙니다(zip 압축 파일이 손상되었거나 중간에 잘렸습니다).</translation>
    </message>
    <message>
        <source>{name} is a zip archive but not a Keras model (it has no config.json).</source>
        <translation>{name}은(는) zip 압축 파일이지만 Keras 모델이 아닙니다(config.json이 없습니다).</translation>
    </message>
    <message>
        <source>sharded or unusual weights store</source>
        <translation>여러 조각으로 나뉘었거나 흔하지 않은 가중치 저장 방식</translation>
    </message>
    <message>
        <source>The folder {name} holds no Keras model (no config.json).</source>
        <translation>{name} 폴더에 Keras 모델이 없습니다(config.json이 없습니다).</translation>
    </message>
    <message>
        <source>The model description in {name}</source>
        <translation>{name}의 모델 설명</translation>
    </message>
    <message>
        <source>{name} is not a Keras model description (it is not text).</source>
        <translation>{name}은(는) Keras 모델 설명이 아닙니다(텍스트 파일이 아닙니다).</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name}이(가) 비어 있습니다.</translation>
    </message>
    <message>
        <source>{name} is not a Keras model file (.h5, .keras or .json), or it is damaged.</source>
        <translation>{name}은(는) Keras 모델 파일(.h5, .keras, .json)이 아니거나 손상되었습니다.</translation>
    </message>
    <message>
        <source>{name} is damaged or cut short, so it cannot be read.</source>
        <translation>{name}이(가) 손상되었거나 중간에 잘려서 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>{name} asks for more memory than kbuilder allows, so it was not opened.</source>
        <translation>{name}은(는) kbuilder가 허용하는 것보다 많은 메모리를 요구하므로 열지 않았습니다.</translation>
    </message>
    <message>
        <source>The model description in {name} is damaged (it is not valid JSON).</source>
        <translation>{name}의 모델 설명이 손상되었습니다(올바른 JSON이 아닙니다).</translation>
    </message>
    <message>
        <source>{name} is compressed in a way no Keras file is, so kbuilder does not read it.</source>
        <translation>{name}은(는) Keras 파일에서는 쓰지 않는 방식으로 압축되어 있어 kbuilder가 읽지 않습니다.</translation>
    </message>
</context>
<context>
    <name>keras_io.safe_read</name>
    <message>
        <source>Reading {name} took longer than {seconds} seconds, so it was stopped: the file may be damaged.</source>
        <translation>{name}을(를) 읽는 데 {seconds}초가 넘게 걸려 중단했습니다. 파일이 손상되었을 수 있습니다.</translation>
    </message>
    <message>
        <source>Could not start the file reader for {name}: {reason}.</source>
        <translation>{name}을(를) 읽을 파일 판독기를 시작할 수 없었습니다: {reason}.</translation>
    </message>
    <message>
        <source>The file reader crashed on {name} (signal {signal}): the file is damaged or was made to attack the HDF5 library, and nothing from it was loaded.</source>
        <translation>{name}을(를) 읽던 파일 판독기가 비정상 종료되었습니다(시그널 {signal}). 파일이 손상되었거나 HDF5 라이브러리를 공격하도록 만들어진 것이며, 파일에서 아무것도 불러오지 않았습니다.</translation>
    </message>
    <message>
        <source>{name} asks for more memory than kbuilder allows, so it was not opened.</source>
        <translation>{name}은(는) kbuilder가 허용하는 것보다 많은 메모리를 요구하므로 열지 않았습니다.</translation>
    </message>
    <message>
        <source>The file reader failed on {name}; the file may be damaged.</source>
        <translation>파일 판독기가 {name}을(를) 읽지 못했습니다. 파일이 손상되었을 수 있습니다.</translation>
    </message>
    <message>
        <source>The file reader returned nothing usable for {name}.</source>
        <translation>파일 판독기가 {name}에서 쓸 수 있는 결과를 돌려주지 않았습니다.</translation>
    </message>
    <message>
        <source>The file reader returned unusable weights for {name}.</source>
        <translation>파일 판독기가 {name}에서 쓸 수 없는 가중치를 돌려주었습니다.</translation>
    </message>
</context>
<context>
    <name>keras_io.saved_model</name>
    <message>
        <source>{name} in {label}</source>
        <translation>{label} 안의 {name}</translation>
    </message>
    <message>
        <source>{label} is a SavedModel written as text (saved_model.pbtxt) without Keras records, which kbuilder does not read.</source>
        <translation>{label}은(는) Keras 기록 없이 텍스트(saved_model.pbtxt)로 저장된 SavedModel이어서 kbuilder가 읽지 않습니다.</translation>
    </message>
    <message>
        <source>{label} is not a complete SavedModel folder: it has no saved_model.pb.</source>
        <translation>{label}은(는) 완전한 SavedModel 폴더가 아닙니다. saved_model.pb가 없습니다.</translation>
    </message>
    <message>
        <source>{label} is a TensorFlow 1 SavedModel (a graph of operations, not Keras layers), so kbuilder has no layers to draw.</source>
        <translation>{label}은(는) TensorFlow 1 SavedModel(Keras 층이 아니라 연산 그래프)이어서 kbuilder가 그릴 층이 없습니다.</translation>
    </message>
    <message>
        <source>{label} is a damaged SavedModel folder (a protobuf file in it cannot be read).</source>
        <translation>{label}은(는) 손상된 SavedModel 폴더입니다(안에 있는 protobuf 파일을 읽을 수 없습니다).</translation>
    </message>
    <message>
        <source>{label} is a SavedModel of plain TensorFlow functions (a tf.Module or an exported serving model), not of a Keras model, so it has no layers to draw; kbuilder never runs the code inside it.</source>
        <translation>{label}은(는) Keras 모델이 아니라 일반 TensorFlow 함수(tf.Module 또는 서빙용으로 내보낸 모델)로 된 SavedModel이어서 그릴 층이 없습니다. kbuilder는 그 안의 코드를 절대 실행하지 않습니다.</translation>
    </message>
    <message>
        <source>{label} holds a single Keras layer ({cls}), not a model, so kbuilder has no layers to draw.</source>
        <translation>{label}에는 모델이 아니라 Keras 층 하나({cls})만 들어 있어 kbuilder가 그릴 층이 없습니다.</translation>
    </message>
    <message>
        <source>the folder has no variables/variables.index checkpoint</source>
        <translation>폴더에 variables/variables.index 체크포인트가 없음</translation>
    </message>
    <message>
        <source>The Keras records of {label} are damaged (not valid JSON).</source>
        <translation>{label}의 Keras 기록이 손상되었습니다(올바른 JSON이 아닙니다).</translation>
    </message>
    <message>
        <source>The Keras records of {label} are damaged.</source>
        <translation>{label}의 Keras 기록이 손상되었습니다.</translation>
    </message>
    <message>
        <source>The checkpoint of {label} has no object graph, so its weights cannot be matched to layers.</source>
        <translation>{label}의 체크포인트에 객체 그래프가 없어 가중치를 층에 맞출 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>keras_io.shapes</name>
    <message>
        <source>The Input &apos;{name}&apos; needs a shape of whole numbers greater than zero (or None for &apos;any length&apos;), e.g. [28, 28]; it has {shape}.</source>
        <extracomment>Node ids in the order the last refresh visited them. Total number of node recomputations (layer built and called). Ids of the nodes the last refresh recomputed, in order.</extracomment>
        <translation>Input &apos;{name}&apos;의 크기는 0보다 큰 정수로 이루어져야 합니다(&apos;임의 길이&apos;는 None). 예: [28, 28]. 지금 값은 {shape}입니다.</translation>
    </message>
    <message>
        <source>The Input &apos;{name}&apos; has an unknown dtype {dtype}; use float32, int32, ...</source>
        <translation>Input &apos;{name}&apos;의 dtype {dtype}은(는) 알 수 없는 dtype입니다. float32, int32 등을 사용하세요.</translation>
    </message>
    <message>
        <source>{name} shares its layer with {other}, which receives {other_shape}, but {name} receives {shape}: the weights do not fit. A shared layer must receive the same kind of input every time.</source>
        <translation>{name} 층과 층을 공유하는 {other} 층은 크기가 {other_shape}인 입력을 받지만, {name} 층은 크기가 {shape}인 입력을 받아서 가중치가 맞지 않습니다. 공유된 층은 매번 같은 종류의 입력을 받아야 합니다.</translation>
    </message>
    <message>
        <source>{name} reuses the layer of {owner}, which receives {owner_shape}, but {name} receives {shape}: the weights do not fit. A shared layer must receive the same kind of input every time.</source>
        <translation>{name} 층이 재사용하는 {owner} 층은 크기가 {owner_shape}인 입력을 받지만, {name} 층은 크기가 {shape}인 입력을 받아서 가중치가 맞지 않습니다. 공유된 층은 매번 같은 종류의 입력을 받아야 합니다.</translation>
    </message>
    <message>
        <source>{source} has a single output, but the connection to {target} takes output {number}. Delete it and connect the two layers again.</source>
        <translation>{source} 층의 출력은 하나뿐인데, {target}(으)로 가는 연결은 {number}번째 출력을 사용합니다. 이 연결을 삭제하고 두 층을 다시 연결하세요.</translation>
    </message>
    <message>
        <source>{source} has {count} outputs, but the connection to {target} takes output {number}. Delete it and connect the two layers again.</source>
        <translation>{source} 층의 출력은 {count}개인데, {target}(으)로 가는 연결은 {number}번째 출력을 사용합니다. 이 연결을 삭제하고 두 층을 다시 연결하세요.</translation>
    </message>
</context>
<context>
    <name>keras_io.summary</name>
    <message>
        <source>Layer (type)</source>
        <translation>층 (유형)</translation>
    </message>
    <message>
        <source>Output Shape</source>
        <translation>출력 크기</translation>
    </message>
    <message>
        <source>Param #</source>
        <translation>파라미터 개수</translation>
    </message>
    <message>
        <source>Connected to</source>
        <translation>연결 대상</translation>
    </message>
    <message>
        <source>Model: &quot;{name}&quot;</source>
        <translation>모델: &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>Total params: {count}</source>
        <translation>전체 파라미터: {count}</translation>
    </message>
    <message>
        <source>Trainable params: {count}</source>
        <translation>훈련되는 파라미터: {count}</translation>
    </message>
    <message>
        <source>Non-trainable params: {count}</source>
        <translation>훈련되지 않는 파라미터: {count}</translation>
    </message>
    <message>
        <source>Not counted (the model has errors there): {names}</source>
        <translation>세지 않은 층(모델의 이 부분에 오류가 있음): {names}</translation>
    </message>
</context>
<context>
    <name>keras_io.tf_ops</name>
    <message>
        <source>{names}: the raw TensorFlow call tf.{function}, which Keras 2 saved as a TFOpLambda layer, became {layer} (Keras 3 has no TFOpLambda).</source>
        <translation>{names}: Keras 2가 TFOpLambda 층으로 저장한 TensorFlow 직접 호출 tf.{function}을(를) {layer}(으)로 바꿨습니다(Keras 3에는 TFOpLambda가 없습니다).</translation>
    </message>
    <message>
        <source>{names}: the raw TensorFlow call tf.expand_dims, which Keras 2 saved as a TFOpLambda layer, became Reshape (Keras 3 has no TFOpLambda).</source>
        <translation>{names}: Keras 2가 TFOpLambda 층으로 저장한 TensorFlow 직접 호출 tf.expand_dims를 Reshape로 바꿨습니다(Keras 3에는 TFOpLambda가 없습니다).</translation>
    </message>
</context>
<context>
    <name>keras_io.tf_protos</name>
    <message>
        <source>Reading a SavedModel folder needs the protobuf definitions TensorFlow ships, which are not installed with this kbuilder.</source>
        <translation>SavedModel 폴더를 읽으려면 TensorFlow에 들어 있는 protobuf 정의가 필요한데, 이 kbuilder에는 설치되어 있지 않습니다.</translation>
    </message>
</context>
<context>
    <name>keras_io.unnest</name>
    <message>
        <source>{names} and {n} more</source>
        <translation>{names} 외 {n}개</translation>
    </message>
    <message>
        <source>The file holds a {cls} model, a subclass whose architecture is Python code rather than a layer list, so kbuilder cannot draw it; rebuild it as a functional or Sequential model.</source>
        <translation>파일에 든 {cls} 모델은 구조가 층 목록이 아니라 Python 코드로 된 서브클래스 모델이어서 kbuilder가 그릴 수 없습니다. 함수형(functional) 또는 Sequential 모델로 다시 만드세요.</translation>
    </message>
    <message>
        <source>The file&apos;s model description has no list of layers.</source>
        <translation>파일의 모델 설명에 층 목록이 없습니다.</translation>
    </message>
    <message>
        <source>The file does not say the input shape of {name}; set it on its Input layer.</source>
        <translation>파일에 {name}의 입력 크기가 없습니다. 그 Input 층에서 지정하세요.</translation>
    </message>
    <message>
        <source>The model unpacks into more than {limit} layers once its nested models and their calls are counted, which is kbuilder&apos;s limit.</source>
        <translation>중첩된 모델과 그 호출까지 세면 층이 kbuilder의 한도인 {limit}개를 넘습니다.</translation>
    </message>
    <message>
        <source>The nested model {name} is never called in the outer model, so it was left out.</source>
        <translation>중첩 모델 {name}은(는) 바깥 모델에서 한 번도 호출되지 않아 빼 두었습니다.</translation>
    </message>
    <message>
        <source>The nested model {name} was unpacked into its 1 layer (called {calls} times, so it is shared).</source>
        <translation>중첩 모델 {name}을(를) 층 1개로 풀어 놓았습니다({calls}번 호출되므로 그 층을 공유합니다).</translation>
    </message>
    <message>
        <source>The nested model {name} was unpacked into its {n} layers (called {calls} times, so they are shared).</source>
        <translation>중첩 모델 {name}을(를) 층 {n}개로 풀어 놓았습니다({calls}번 호출되므로 그 층들을 공유합니다).</translation>
    </message>
    <message>
        <source>The nested model {name} was unpacked into its 1 layer.</source>
        <translation>중첩 모델 {name}을(를) 층 1개로 풀어 놓았습니다.</translation>
    </message>
    <message>
        <source>The nested model {name} was unpacked into its {n} layers.</source>
        <translation>중첩 모델 {name}을(를) 층 {n}개로 풀어 놓았습니다.</translation>
    </message>
    <message>
        <source>Renamed {n} layers whose names contain &apos;/&apos; (such as {old}, now {new}): Keras 3 does not allow &apos;/&apos; in layer names.</source>
        <translation>이름에 &apos;/&apos;가 들어 있는 층 {n}개의 이름을 바꿨습니다(예: {old} → {new}). Keras 3은 층 이름에 &apos;/&apos;를 허용하지 않습니다.</translation>
    </message>
    <message>
        <source>Renamed 1 layer whose names contain &apos;/&apos; (such as {old}, now {new}): Keras 3 does not allow &apos;/&apos; in layer names.</source>
        <translation>이름에 &apos;/&apos;가 들어 있는 층 1개의 이름을 바꿨습니다({old} → {new}). Keras 3은 층 이름에 &apos;/&apos;를 허용하지 않습니다.</translation>
    </message>
</context>
<context>
    <name>keras_io.weights</name>
    <message>
        <source>Some weights in the file belong to no layer of the graph and were left out: {names}.</source>
        <translation>파일의 일부 가중치가 그래프의 어느 층에도 속하지 않아 제외했습니다: {names}.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>The saved weights of {name} do not fit it (file: {file_shapes}; layer: {layer_shapes}), so it starts from fresh weights.</source>
        <translation>{name} 층에 저장된 가중치가 층과 맞지 않아(파일: {file_shapes}, 층: {layer_shapes}) 새로 초기화한 가중치로 시작합니다.</translation>
    </message>
    <message>
        <source>The weights of {name} could not be set ({error}); it starts from fresh weights.</source>
        <translation>{name} 층의 가중치를 설정할 수 없어({error}) 새로 초기화한 가중치로 시작합니다.</translation>
    </message>
    <message>
        <source>No saved weights for {names}; they start from fresh weights.</source>
        <translation>{names} 층에는 저장된 가중치가 없어 새로 초기화한 가중치로 시작합니다.</translation>
    </message>
    <message>
        <source>Saved weights for {names} match no layer of the model and were not used.</source>
        <translation>{names}에 대해 저장된 가중치는 모델의 어느 층과도 맞지 않아 사용하지 않았습니다.</translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation>{names} 외 {count}개</translation>
    </message>
</context>
<context>
    <name>layer_info</name>
    <message>
        <source>1 param</source>
        <translation>파라미터 1개</translation>
    </message>
    <message>
        <source>{n} params</source>
        <translation>파라미터 {n}개</translation>
    </message>
</context>
<context>
    <name>layers.allowed</name>
    <message>
        <source>it holds Python code</source>
        <translation>Python 코드를 담고 있음</translation>
    </message>
    <message>
        <source>is not a layer kbuilder builds from a file ({reason})</source>
        <translation>kbuilder가 파일에서 만들지 않는 층입니다({reason})</translation>
    </message>
    <message>
        <source>is not a Keras layer kbuilder knows</source>
        <translation>kbuilder가 아는 Keras 층이 아닙니다</translation>
    </message>
    <message>
        <source>names {found} in its settings, which kbuilder never loads from a file</source>
        <translation>설정에 {found}이(가) 들어 있는데, kbuilder는 이런 것을 파일에서 절대 불러오지 않습니다</translation>
    </message>
    <message>
        <source>a Python function</source>
        <translation>Python 함수</translation>
    </message>
    <message>
        <source>{name} from outside Keras ({module})</source>
        <translation>Keras 밖의 {name}({module})</translation>
    </message>
    <message>
        <source>the layer class {name}</source>
        <translation>층 클래스 {name}</translation>
    </message>
    <message>
        <source>Layer {name} ({class_name}) {why}: it became a placeholder; replace it with built-in layers or write its code yourself in the exported Python.</source>
        <translation>{name} 층({class_name})은(는) {why}. 그래서 대체 층(Placeholder)이 되었습니다. 기본 제공 층으로 바꾸거나, 내보낸 Python 코드에 직접 코드를 작성하세요.</translation>
    </message>
</context>
<context>
    <name>layers.catalog</name>
    <message>
        <source>Other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>no readable signature</source>
        <translation>읽을 수 있는 시그니처가 없음</translation>
    </message>
    <message>
        <source>A model input: where the data comes in.</source>
        <translation>모델 입력: 데이터가 들어오는 곳입니다.</translation>
    </message>
    <message>
        <source>A model input, `keras.Input(shape=..., dtype=...)`.

Its shape is the shape of one sample, without the batch size: 784 for flattened 28x28 images, 28, 28, 1 for images, None for sequences of any length.</source>
        <translation>모델 입력, `keras.Input(shape=..., dtype=...)`입니다.

입력 크기는 배치 크기를 뺀 샘플 하나의 크기입니다. 펼친 28x28 이미지는 784, 이미지는 28, 28, 1, 길이가 정해지지 않은 시퀀스는 None입니다.</translation>
    </message>
    <message>
        <source>Type of the values: float32 for most data, int32/int64 for token ids, string for raw text.</source>
        <translation>값의 자료형입니다. 대부분의 데이터는 float32, 토큰 id는 int32/int64, 원본 텍스트는 string을 씁니다.</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>제외됨</translation>
    </message>
    <message>
        <source>Core</source>
        <translation>기본</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>합성곱</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>풀링</translation>
    </message>
    <message>
        <source>Recurrent</source>
        <translation>순환</translation>
    </message>
    <message>
        <source>Merging</source>
        <translation>병합</translation>
    </message>
    <message>
        <source>Normalization</source>
        <translation>정규화</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>규제</translation>
    </message>
    <message>
        <source>Reshaping</source>
        <translation>크기 변경</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>활성화</translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation>임베딩</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>어텐션</translation>
    </message>
    <message>
        <source>Preprocessing</source>
        <translation>전처리</translation>
    </message>
    <message>
        <source>Image preprocessing</source>
        <translation>이미지 전처리</translation>
    </message>
    <message>
        <source>abstract base class</source>
        <translation>추상 기반 클래스</translation>
    </message>
    <message>
        <source>represented by the Input pseudo layer</source>
        <translation>Input 가상 층으로 나타냄</translation>
    </message>
    <message>
        <source>needs a cell object</source>
        <translation>셀 객체가 필요함</translation>
    </message>
    <message>
        <source>needs cell objects</source>
        <translation>셀 객체들이 필요함</translation>
    </message>
    <message>
        <source>a cell, used inside RNN</source>
        <translation>RNN 안에서 쓰는 셀</translation>
    </message>
    <message>
        <source>runs arbitrary Python code</source>
        <translation>임의의 Python 코드를 실행함</translation>
    </message>
    <message>
        <source>loads a SavedModel from disk</source>
        <translation>디스크에서 SavedModel을 불러옴</translation>
    </message>
    <message>
        <source>needs other layers</source>
        <translation>다른 층들이 필요함</translation>
    </message>
    <message>
        <source>wraps JAX code</source>
        <translation>JAX 코드를 감쌈</translation>
    </message>
    <message>
        <source>wraps PyTorch code</source>
        <translation>PyTorch 코드를 감쌈</translation>
    </message>
    <message>
        <source>works on bounding-box dictionaries, not tensors</source>
        <translation>텐서가 아니라 경계 상자 딕셔너리를 다룸</translation>
    </message>
    <message>
        <source>Keras cannot put it in a functional model</source>
        <translation>Keras가 함수형 모델에 넣을 수 없음</translation>
    </message>
    <message>
        <source>Integer seed for the random numbers, so runs can be repeated.</source>
        <extracomment>Inner layers that may be any catalog layer, beyond the suggestions.</extracomment>
        <translation>난수를 만드는 정수 시드입니다. 같은 시드를 쓰면 실행을 똑같이 반복할 수 있습니다.</translation>
    </message>
    <message>
        <source>Where the channels are: &quot;channels_last&quot; (the default, (batch, ..., channels)) or &quot;channels_first&quot;.</source>
        <translation>채널의 위치: &quot;channels_last&quot;(기본값, (batch, ..., channels)) 또는 &quot;channels_first&quot;.</translation>
    </message>
    <message>
        <source>Regularizer applied to the layer&apos;s output.</source>
        <translation>층의 출력에 적용하는 규제입니다.</translation>
    </message>
    <message>
        <source>How the edges are handled: &quot;valid&quot; (no padding) or &quot;same&quot; (pad so the size is kept).</source>
        <translation>가장자리를 다루는 방법: &quot;valid&quot;(패딩 없음) 또는 &quot;same&quot;(크기가 유지되도록 패딩).</translation>
    </message>
    <message>
        <source>Step between two windows. Defaults to the pool size.</source>
        <translation>두 윈도 사이의 간격입니다. 기본값은 풀 크기입니다.</translation>
    </message>
    <message>
        <source>Size of the pooling window.</source>
        <translation>풀링 윈도의 크기입니다.</translation>
    </message>
    <message>
        <source>Activation function applied to the output.</source>
        <translation>출력에 적용하는 활성화 함수입니다.</translation>
    </message>
    <message>
        <source>Shape of one sample, without the batch size; None means any length.</source>
        <translation>배치 크기를 뺀 샘플 하나의 크기입니다. None은 길이가 정해지지 않았다는 뜻입니다.</translation>
    </message>
    <message>
        <source>Time steps whose values all equal this are masked: later layers skip them.</source>
        <translation>값이 모두 이 값과 같은 타임스텝은 마스킹되어, 뒤의 층들이 건너뜁니다.</translation>
    </message>
    <message>
        <source>Extra rows/columns added to one side of the output, to pick among the output sizes a stride allows. None lets Keras infer it.</source>
        <translation>스트라이드가 허용하는 여러 출력 크기 중 하나를 고르기 위해 출력의 한쪽에 덧붙이는 행/열입니다. None이면 Keras가 알아서 정합니다.</translation>
    </message>
</context>
<context>
    <name>layers.spec</name>
    <message>
        <source>{name} needs a value</source>
        <translation>{name}에 값이 필요합니다</translation>
    </message>
    <message>
        <source>{name} is nested too deeply</source>
        <translation>{name} 값이 너무 깊게 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>{name} must be a whole number between {low} and {high}</source>
        <translation>{name}은(는) {low}에서 {high} 사이의 정수여야 합니다</translation>
    </message>
    <message>
        <source>{name} must be a whole number of at least {low}</source>
        <translation>{name}은(는) {low} 이상의 정수여야 합니다</translation>
    </message>
    <message>
        <source>{name} must be a whole number of at most {high}</source>
        <translation>{name}은(는) {high} 이하의 정수여야 합니다</translation>
    </message>
    <message>
        <source>{name} must be a whole number</source>
        <translation>{name}은(는) 정수여야 합니다</translation>
    </message>
    <message>
        <source>{name} must be a number between {low} and {high}</source>
        <translation>{name}은(는) {low}에서 {high} 사이의 숫자여야 합니다</translation>
    </message>
    <message>
        <source>{name} must be a number of at least {low}</source>
        <translation>{name}은(는) {low} 이상의 숫자여야 합니다</translation>
    </message>
    <message>
        <source>{name} must be a number of at most {high}</source>
        <translation>{name}은(는) {high} 이하의 숫자여야 합니다</translation>
    </message>
    <message>
        <source>{name} must be a number</source>
        <translation>{name}은(는) 숫자여야 합니다</translation>
    </message>
    <message>
        <source>{name} must be a whole number between {low} and {high}, or {count} of them</source>
        <translation>{name}은(는) {low}에서 {high} 사이의 정수 하나이거나, 그런 정수 {count}개여야 합니다</translation>
    </message>
    <message>
        <source>{name} must be a whole number of at least {low}, or {count} of them</source>
        <translation>{name}은(는) {low} 이상의 정수 하나이거나, 그런 정수 {count}개여야 합니다</translation>
    </message>
    <message>
        <source>{name} must be a whole number of at most {high}, or {count} of them</source>
        <translation>{name}은(는) {high} 이하의 정수 하나이거나, 그런 정수 {count}개여야 합니다</translation>
    </message>
    <message>
        <source>{name} must be a whole number, or {count} of them</source>
        <translation>{name}은(는) 정수 하나이거나 정수 {count}개여야 합니다</translation>
    </message>
    <message>
        <source>{name} must be a whole number between {low} and {high}, or several of them separated by commas</source>
        <translation>{name}은(는) {low}에서 {high} 사이의 정수 하나이거나, 그런 정수 여러 개를 쉼표로 구분한 것이어야 합니다</translation>
    </message>
    <message>
        <source>{name} must be a whole number of at least {low}, or several of them separated by commas</source>
        <translation>{name}은(는) {low} 이상의 정수 하나이거나, 그런 정수 여러 개를 쉼표로 구분한 것이어야 합니다</translation>
    </message>
    <message>
        <source>{name} must be a whole number of at most {high}, or several of them separated by commas</source>
        <translation>{name}은(는) {high} 이하의 정수 하나이거나, 그런 정수 여러 개를 쉼표로 구분한 것이어야 합니다</translation>
    </message>
    <message>
        <source>{name} must be a whole number, or several of them separated by commas</source>
        <translation>{name}은(는) 정수 하나이거나, 정수 여러 개를 쉼표로 구분한 것이어야 합니다</translation>
    </message>
    <message>
        <source>{name} must be true or false</source>
        <translation>{name}은(는) true 또는 false여야 합니다</translation>
    </message>
    <message>
        <source>{name} must be text</source>
        <translation>{name}은(는) 텍스트여야 합니다</translation>
    </message>
    <message>
        <source>{name} must be one of: {choices}</source>
        <translation>{name}은(는) 다음 중 하나여야 합니다: {choices}</translation>
    </message>
    <message>
        <source>{name} must be whole numbers separated by commas, such as 28, 28 (each at least {low})</source>
        <translation>{name}은(는) 28, 28처럼 쉼표로 구분한 정수여야 합니다(각각 {low} 이상)</translation>
    </message>
    <message>
        <source>{name} must be whole numbers separated by commas, such as 28, 28</source>
        <translation>{name}은(는) 28, 28처럼 쉼표로 구분한 정수여야 합니다</translation>
    </message>
    <message>
        <source>{name} must be a layer such as {example}</source>
        <translation>{name}은(는) {example} 같은 층이어야 합니다</translation>
    </message>
    <message>
        <source>{name}&apos;s settings must be plain values such as numbers, text or lists</source>
        <translation>{name}의 설정은 숫자, 텍스트, 목록 같은 단순한 값이어야 합니다</translation>
    </message>
    <message>
        <source>{name} must be a plain value such as a number, text or a list</source>
        <translation>{name}은(는) 숫자, 텍스트, 목록 같은 단순한 값이어야 합니다</translation>
    </message>
</context>
<context>
    <name>palette</name>
    <message>
        <source>Keras documentation: {text}</source>
        <translation>Keras 문서(영문): {text}</translation>
    </message>
    <message>
        <source>Drag onto the canvas, or double-click to add.</source>
        <translation>캔버스로 끌어 놓거나 더블클릭해서 추가하세요.</translation>
    </message>
</context>
<context>
    <name>project.document</name>
    <message>
        <source>untitled</source>
        <translation>제목 없음</translation>
    </message>
</context>
<context>
    <name>project.kbproj</name>
    <message>
        <source>The project file has no layer graph (its &apos;graph&apos; is {kind}).</source>
        <translation>프로젝트 파일에 층 그래프가 없습니다(&apos;graph&apos; 값이 {kind}입니다).</translation>
    </message>
    <message>
        <source>The project&apos;s layer graph is damaged: {reason}.</source>
        <translation>프로젝트의 층 그래프가 손상되었습니다: {reason}.</translation>
    </message>
    <message>
        <source>The project file is damaged: its {key} is {kind}, not an object.</source>
        <translation>프로젝트 파일이 손상되었습니다: {key} 값이 객체가 아니라 {kind}입니다.</translation>
    </message>
    <message>
        <source>The project file is damaged: its {key} is {kind}, not text.</source>
        <translation>프로젝트 파일이 손상되었습니다: {key} 값이 텍스트가 아니라 {kind}입니다.</translation>
    </message>
    <message>
        <source>The project file is damaged: its {key} is {kind}, not a size in bytes.</source>
        <translation>프로젝트 파일이 손상되었습니다: {key} 값이 바이트 단위 크기가 아니라 {kind}입니다.</translation>
    </message>
    <message>
        <source>The project file is damaged: its &apos;weights_sha256&apos; is not a SHA-256 digest.</source>
        <translation>프로젝트 파일이 손상되었습니다: &apos;weights_sha256&apos; 값이 SHA-256 해시가 아닙니다.</translation>
    </message>
    <message>
        <source>The project file is damaged: its &apos;weights_file&apos; is {kind}, not a file name.</source>
        <translation>프로젝트 파일이 손상되었습니다: &apos;weights_file&apos; 값이 파일 이름이 아니라 {kind}입니다.</translation>
    </message>
    <message>
        <source>The project names a weights file outside its own folder, which kbuilder does not read; keep the weights beside the project.</source>
        <translation>프로젝트가 자기 폴더 밖에 있는 가중치 파일을 가리키고 있어 kbuilder가 읽지 않습니다. 가중치 파일은 프로젝트와 같은 폴더에 두세요.</translation>
    </message>
    <message>
        <source>This is not a kbuilder project file.</source>
        <translation>kbuilder 프로젝트 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>The project file has no valid format version.</source>
        <translation>프로젝트 파일에 올바른 형식 버전이 없습니다.</translation>
    </message>
    <message>
        <source>This project was saved by a newer kbuilder (format {version}; this one reads up to {supported}). Update kbuilder to open it.</source>
        <translation>이 프로젝트는 더 새로운 kbuilder로 저장되었습니다(형식 {version}, 이 kbuilder는 {supported}까지 읽습니다). 열려면 kbuilder를 업데이트하세요.</translation>
    </message>
    <message>
        <source>The project file is not valid JSON (line {line}): it may be damaged.</source>
        <translation>프로젝트 파일이 올바른 JSON이 아닙니다({line}번째 줄). 파일이 손상되었을 수 있습니다.</translation>
    </message>
    <message>
        <source>it holds a whole number too long to read</source>
        <translation>읽기에는 너무 긴 정수가 들어 있습니다</translation>
    </message>
    <message>
        <source>The project file cannot be opened: {reason}.</source>
        <translation>프로젝트 파일을 열 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <source>The project file is damaged: {reason}.</source>
        <translation>프로젝트 파일이 손상되었습니다: {reason}.</translation>
    </message>
    <message>
        <source>it holds {name}, which a project never holds</source>
        <translation>프로젝트에는 있을 수 없는 {name} 값이 들어 있습니다</translation>
    </message>
    <message>
        <source>The project holds a value that cannot be saved ({error}).</source>
        <translation>프로젝트에 저장할 수 없는 값이 있습니다({error}).</translation>
    </message>
    <message>
        <source>{name} is a folder, not a kbuilder project.</source>
        <translation>{name}은(는) kbuilder 프로젝트가 아니라 폴더입니다.</translation>
    </message>
    <message>
        <source>Cannot read {name}: {reason}.</source>
        <translation>{name}을(를) 읽을 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <source>{name} is larger than {limit}, kbuilder&apos;s limit for a project (weights are kept beside it, not inside).</source>
        <translation>{name}이(가) kbuilder의 프로젝트 한도인 {limit}보다 큽니다(가중치는 프로젝트 안이 아니라 옆에 따로 저장됩니다).</translation>
    </message>
    <message>
        <source>{name} is not a kbuilder project (it is not text).</source>
        <translation>{name}은(는) kbuilder 프로젝트가 아닙니다(텍스트 파일이 아닙니다).</translation>
    </message>
    <message>
        <source>the weights of {name}</source>
        <translation>{name}의 가중치</translation>
    </message>
    <message>
        <source>Could not save {name}: {reason}. The previous file was left as it was.</source>
        <translation>{name}을(를) 저장할 수 없었습니다: {reason}. 이전 파일은 그대로 두었습니다.</translation>
    </message>
</context>
<context>
    <name>project.loader</name>
    <message>
        <source>{suffixes} files and TensorFlow SavedModel folders</source>
        <extracomment>What File &gt; Open and the CLI say kbuilder opens (the suffixes, and folders), in English; :func:`open_words` says it in the user&apos;s language.</extracomment>
        <translation>{suffixes} 파일과 TensorFlow SavedModel 폴더</translation>
    </message>
    <message>
        <source>No such file: {path}</source>
        <translation>파일이 없습니다: {path}</translation>
    </message>
    <message>
        <source>Imported from {name}</source>
        <translation>{name}에서 가져옴</translation>
    </message>
    <message>
        <source>No such file or folder: {path}</source>
        <translation>파일이나 폴더가 없습니다: {path}</translation>
    </message>
    <message>
        <source>kbuilder cannot open &apos;{name}&apos;: it opens {what}.</source>
        <translation>kbuilder는 &apos;{name}&apos;을(를) 열 수 없습니다. 열 수 있는 것은 {what}입니다.</translation>
    </message>
    <message>
        <source>The weights file {name} named by the project is missing, so the layers start from fresh weights.</source>
        <translation>프로젝트가 가리키는 가중치 파일 {name}이(가) 없어서, 층은 새로 초기화된 가중치로 시작합니다.</translation>
    </message>
    <message>
        <source>The weights file {name} is not the one this project was saved with, so the layers start from fresh weights.</source>
        <translation>가중치 파일 {name}이(가) 이 프로젝트와 함께 저장된 파일이 아니어서, 층은 새로 초기화된 가중치로 시작합니다.</translation>
    </message>
    <message>
        <source>{reason}; the layers start from fresh weights.</source>
        <translation>{reason}. 그래서 층은 새로 초기화된 가중치로 시작합니다.</translation>
    </message>
</context>
<context>
    <name>project.saving</name>
    <message>
        <source>kbuilder writes {suffixes} files, not {name}.</source>
        <translation>kbuilder는 {suffixes} 파일로만 저장할 수 있습니다. {name}(으)로는 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>a .json architecture</source>
        <translation>.json 구조 파일</translation>
    </message>
    <message>
        <source>A .json file keeps only the architecture; the weights were not written.</source>
        <translation>.json 파일에는 모델 구조만 저장되므로 가중치는 저장하지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>templates</name>
    <message>
        <source>A small digit classifier: 28×28 image → 10 classes.</source>
        <translation>작은 숫자 분류기: 28×28 이미지 → 10개 클래스.</translation>
    </message>
    <message>
        <source>Digits classifier (ready to train)</source>
        <translation>숫자 분류기 (바로 훈련 가능)</translation>
    </message>
    <message>
        <source>An 8x8 handwritten-digit classifier that trains offline on scikit-learn&apos;s digits data set.</source>
        <translation>scikit-learn의 digits 데이터셋으로 인터넷 없이 훈련하는 8x8 손글씨 숫자 분류기입니다.</translation>
    </message>
    <message>
        <source>MNIST / Fashion-MNIST MLP</source>
        <translation>MNIST / Fashion-MNIST MLP</translation>
    </message>
    <message>
        <source>Flatten a 28x28 image, two Dense(300) layers, ten classes.</source>
        <translation>28x28 이미지를 펼치고, Dense(300) 층 두 개를 거쳐 10개 클래스로 분류합니다.</translation>
    </message>
    <message>
        <source>IMDB reviews, multi-hot</source>
        <translation>IMDB 리뷰, 멀티-핫 인코딩</translation>
    </message>
    <message>
        <source>Two Dense(16) layers on 10,000 multi-hot word features.</source>
        <translation>10,000개의 멀티-핫 단어 특성 위에 Dense(16) 층 두 개.</translation>
    </message>
    <message>
        <source>IMDB reviews, word embedding</source>
        <translation>IMDB 리뷰, 단어 임베딩</translation>
    </message>
    <message>
        <source>Embedding(10000, 8) over 20 words, flattened, one sigmoid unit.</source>
        <translation>단어 20개에 Embedding(10000, 8)을 적용하고 펼친 뒤 sigmoid 유닛 하나로 출력합니다.</translation>
    </message>
    <message>
        <source>Functional API MLP</source>
        <translation>함수형 API MLP</translation>
    </message>
    <message>
        <source>Input(64), two Dense(32), softmax over 10 classes.</source>
        <translation>Input(64), Dense(32) 두 개, 10개 클래스에 대한 softmax.</translation>
    </message>
    <message>
        <source>Question answering (two inputs)</source>
        <translation>질문 응답 (입력 두 개)</translation>
    </message>
    <message>
        <source>A text and a question, each embedded and read by an LSTM, concatenated into a 500-word answer.</source>
        <translation>본문과 질문을 각각 임베딩하고 LSTM으로 읽은 뒤, 연결하여 500개 단어 중 답을 고릅니다.</translation>
    </message>
    <message>
        <source>Age, income and gender (three outputs)</source>
        <translation>나이, 소득, 성별 (출력 세 개)</translation>
    </message>
    <message>
        <source>Social-media posts through a 1D convnet into three heads, each with its own loss and weight.</source>
        <translation>소셜 미디어 게시물을 1D 합성곱 신경망에 통과시켜 세 개의 출력으로 보냅니다. 출력마다 손실과 손실 가중치가 따로 있습니다.</translation>
    </message>
    <message>
        <source>Inception module</source>
        <translation>인셉션 모듈</translation>
    </message>
    <message>
        <source>Four branches over a 224x224 RGB image, concatenated.</source>
        <translation>224x224 RGB 이미지 위의 네 가지 분기를 연결합니다.</translation>
    </message>
    <message>
        <source>Siamese LSTM (shared layer)</source>
        <translation>샴 LSTM (공유 층)</translation>
    </message>
    <message>
        <source>One LSTM, and its weights, read two sentences; the two encodings decide if they mean the same.</source>
        <translation>하나의 LSTM(과 그 가중치)이 두 문장을 읽고, 두 인코딩으로 두 문장의 뜻이 같은지 판단합니다.</translation>
    </message>
    <message>
        <source>Depthwise separable convnet</source>
        <translation>깊이별 분리 합성곱 신경망</translation>
    </message>
    <message>
        <source>SeparableConv2D blocks on a 64x64 RGB image into 10 classes.</source>
        <translation>64x64 RGB 이미지에 SeparableConv2D 블록을 쌓아 10개 클래스로 분류합니다.</translation>
    </message>
    <message>
        <source>Wide &amp; deep with an auxiliary output</source>
        <translation>보조 출력이 있는 와이드 &amp; 딥</translation>
    </message>
    <message>
        <source>Five wide features skip past a deep path over six; an auxiliary head checks the deep path alone.</source>
        <translation>와이드 특성 다섯 개는 깊은 경로를 건너뛰고, 특성 여섯 개는 깊은 경로를 지납니다. 보조 출력은 깊은 경로만으로 예측합니다.</translation>
    </message>
    <message>
        <source>Convolutional autoencoder</source>
        <translation>합성곱 오토인코더</translation>
    </message>
    <message>
        <source>Encode a 32x32 RGB image with Conv2D and pooling, decode it with UpSampling2D.</source>
        <translation>32x32 RGB 이미지를 Conv2D와 풀링으로 인코딩하고 UpSampling2D로 디코딩합니다.</translation>
    </message>
    <message>
        <source>Customer ticket router</source>
        <translation>고객 문의 분류기</translation>
    </message>
    <message>
        <source>Title, body and tags of a support ticket into its priority and the department that should handle it.</source>
        <translation>고객 지원 문의의 제목, 본문, 태그로 우선순위와 담당 부서를 예측합니다.</translation>
    </message>
</context>
<context>
    <name>training.cli</name>
    <message>
        <source>a data set name (see &apos;kbuilder datasets&apos;), or a .csv, .npz/.npy file or an image folder; default: the project&apos;s choice</source>
        <translation>데이터셋 이름(&apos;kbuilder datasets&apos; 참고) 또는 .csv, .npz/.npy 파일이나 이미지 폴더. 기본값: 프로젝트에서 고른 데이터</translation>
    </message>
    <message>
        <source>CSV: the column to predict (repeat for several)</source>
        <translation>CSV: 예측할 열 (여러 개면 반복해서 지정)</translation>
    </message>
    <message>
        <source>samples per step</source>
        <translation>한 스텝의 샘플 수</translation>
    </message>
    <message>
        <source>seed of the shuffle and split (default 42)</source>
        <translation>섞기와 나누기에 쓸 시드 (기본값 42)</translation>
    </message>
    <message>
        <source>a project or model file (.kbproj, .json, .h5, .keras)</source>
        <translation>프로젝트 또는 모델 파일 (.kbproj, .json, .h5, .keras)</translation>
    </message>
    <message>
        <source>fraction kept for the final test (0-1)</source>
        <translation>최종 테스트용으로 떼어 둘 비율 (0-1)</translation>
    </message>
    <message>
        <source>passes over the training data</source>
        <translation>훈련 데이터를 반복할 횟수(에포크 수)</translation>
    </message>
    <message>
        <source>fraction kept for validation (0-1)</source>
        <translation>검증용으로 떼어 둘 비율 (0-1)</translation>
    </message>
    <message>
        <source>validate on this .csv/.npz file (same columns or arrays as --dataset FILE) instead of a part of the training data</source>
        <translation>훈련 데이터의 일부 대신 이 .csv/.npz 파일로 검증 (--dataset FILE과 같은 열 또는 배열)</translation>
    </message>
    <message>
        <source>default: adam</source>
        <translation>기본값: adam</translation>
    </message>
    <message>
        <source>default: 0.001</source>
        <translation>기본값: 0.001</translation>
    </message>
    <message>
        <source>print JSON lines (one per epoch, then a summary)</source>
        <translation>JSON 줄 출력 (에포크마다 한 줄, 마지막에 요약)</translation>
    </message>
    <message>
        <source>save the trained model (.keras or .h5)</source>
        <translation>훈련된 모델 저장 (.keras 또는 .h5)</translation>
    </message>
    <message>
        <source>also write a Python script that reproduces this run</source>
        <translation>이 실행을 재현하는 파이썬 스크립트도 저장</translation>
    </message>
    <message>
        <source>start from fresh weights even when FILE carries trained ones (.h5, .keras)</source>
        <translation>FILE에 훈련된 가중치가 있어도(.h5, .keras) 새 가중치로 시작</translation>
    </message>
    <message>
        <source>a model file with weights (.h5, .keras) or a project saved with them</source>
        <translation>가중치가 있는 모델 파일(.h5, .keras) 또는 가중치와 함께 저장한 프로젝트</translation>
    </message>
    <message>
        <source>fraction of the data to evaluate on (0-1)</source>
        <translation>평가에 쓸 데이터 비율 (0-1)</translation>
    </message>
    <message>
        <source>print the metrics as JSON</source>
        <translation>지표를 JSON으로 출력</translation>
    </message>
    <message>
        <source>print the list as JSON</source>
        <translation>목록을 JSON으로 출력</translation>
    </message>
    <message>
        <source>unknown data set &apos;{name}&apos; (run &apos;kbuilder datasets&apos;; or give a .csv, .npz file or a folder)</source>
        <translation>알 수 없는 데이터셋 &apos;{name}&apos;입니다 (&apos;kbuilder datasets&apos;로 목록을 확인하거나 .csv, .npz 파일 또는 폴더를 지정하세요)</translation>
    </message>
    <message>
        <source>--validation-data works with your own .csv or .npz data (--dataset FILE)</source>
        <translation>--validation-data는 직접 준비한 .csv 또는 .npz 데이터(--dataset FILE)에만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>--epochs and --batch-size must be at least 1</source>
        <translation>--epochs와 --batch-size는 1 이상이어야 합니다</translation>
    </message>
    <message>
        <source>--validation-split and --test-split must be between 0 and 1</source>
        <translation>--validation-split과 --test-split은 0과 1 사이여야 합니다</translation>
    </message>
    <message>
        <source>OUT must end in .keras or .h5 (got &apos;{name}&apos;)</source>
        <translation>OUT은 .keras 또는 .h5로 끝나야 합니다 (받은 이름: &apos;{name}&apos;)</translation>
    </message>
    <message>
        <source>epoch {n}/{epochs}  {metrics}  ({seconds} s)</source>
        <translation>에포크 {n}/{epochs}  {metrics}  ({seconds}초)</translation>
    </message>
    <message>
        <source>note: {note}</source>
        <translation>참고: {note}</translation>
    </message>
    <message>
        <source>warning: {warning}</source>
        <translation>경고: {warning}</translation>
    </message>
    <message>
        <source>advice: {message} What to try: {actions}.</source>
        <translation>조언: {message} 해 볼 것: {actions}.</translation>
    </message>
    <message>
        <source>advice: {message}</source>
        <translation>조언: {message}</translation>
    </message>
    <message>
        <source>wrote {path}</source>
        <translation>저장함: {path}</translation>
    </message>
    <message>
        <source>test  {metrics}</source>
        <translation>테스트  {metrics}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; carries no trained weights, so there is nothing to evaluate: train it first (kbuilder train FILE -o OUT.keras).</source>
        <translation>&apos;{name}&apos; 파일에는 훈련된 가중치가 없어서 평가할 것이 없습니다. 먼저 훈련하세요 (kbuilder train FILE -o OUT.keras).</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>내장</translation>
    </message>
    <message>
        <source>cached</source>
        <translation>캐시됨</translation>
    </message>
    <message>
        <source>download</source>
        <translation>다운로드</translation>
    </message>
    <message>
        <source>Keras keeps downloaded sets in {folder}. Your own data: --dataset FILE.csv --target COLUMN, --dataset FILE.npz, or --dataset FOLDER (one sub-folder of images per class).</source>
        <translation>Keras는 내려받은 데이터셋을 {folder} 폴더에 보관합니다. 직접 준비한 데이터: --dataset FILE.csv --target COLUMN, --dataset FILE.npz 또는 --dataset FOLDER(클래스마다 이미지 하위 폴더 하나).</translation>
    </message>
</context>
<context>
    <name>training.coach</name>
    <message>
        <source>The training loss became NaN (not a number) at epoch {epoch}: the learning rate{lr} is far too high for this model, or the inputs are not scaled to small numbers. Nothing the model learnt after that can be trusted.</source>
        <extracomment>Keras&apos;s default learning rate of each optimizer: what it usually takes.</extracomment>
        <translation>훈련 손실이 {epoch}번째 에포크에서 NaN(숫자 아님)이 되었습니다. 학습률{lr}이 이 모델에 비해 너무 높거나, 입력이 작은 숫자로 스케일 조정되지 않았습니다. 그 뒤로 모델이 배운 것은 믿을 수 없습니다.</translation>
    </message>
    <message>
        <source>The training loss became infinite at epoch {epoch}: the learning rate{lr} is far too high for this model, or the inputs are not scaled to small numbers. Nothing the model learnt after that can be trusted.</source>
        <translation>훈련 손실이 {epoch}번째 에포크에서 무한대가 되었습니다. 학습률{lr}이 이 모델에 비해 너무 높거나, 입력이 작은 숫자로 스케일 조정되지 않았습니다. 그 뒤로 모델이 배운 것은 믿을 수 없습니다.</translation>
    </message>
    <message>
        <source>The validation loss became NaN (not a number) at epoch {epoch}: the learning rate{lr} is far too high for this model, or the inputs are not scaled to small numbers. Nothing the model learnt after that can be trusted.</source>
        <translation>검증 손실이 {epoch}번째 에포크에서 NaN(숫자 아님)이 되었습니다. 학습률{lr}이 이 모델에 비해 너무 높거나, 입력이 작은 숫자로 스케일 조정되지 않았습니다. 그 뒤로 모델이 배운 것은 믿을 수 없습니다.</translation>
    </message>
    <message>
        <source>The validation loss became infinite at epoch {epoch}: the learning rate{lr} is far too high for this model, or the inputs are not scaled to small numbers. Nothing the model learnt after that can be trusted.</source>
        <translation>검증 손실이 {epoch}번째 에포크에서 무한대가 되었습니다. 학습률{lr}이 이 모델에 비해 너무 높거나, 입력이 작은 숫자로 스케일 조정되지 않았습니다. 그 뒤로 모델이 배운 것은 믿을 수 없습니다.</translation>
    </message>
    <message>
        <source>The training and validation loss became NaN (not a number) at epoch {epoch}: the learning rate{lr} is far too high for this model, or the inputs are not scaled to small numbers. Nothing the model learnt after that can be trusted.</source>
        <translation>훈련 손실과 검증 손실이 {epoch}번째 에포크에서 NaN(숫자 아님)이 되었습니다. 학습률{lr}이 이 모델에 비해 너무 높거나, 입력이 작은 숫자로 스케일 조정되지 않았습니다. 그 뒤로 모델이 배운 것은 믿을 수 없습니다.</translation>
    </message>
    <message>
        <source>The training and validation loss became infinite at epoch {epoch}: the learning rate{lr} is far too high for this model, or the inputs are not scaled to small numbers. Nothing the model learnt after that can be trusted.</source>
        <translation>훈련 손실과 검증 손실이 {epoch}번째 에포크에서 무한대가 되었습니다. 학습률{lr}이 이 모델에 비해 너무 높거나, 입력이 작은 숫자로 스케일 조정되지 않았습니다. 그 뒤로 모델이 배운 것은 믿을 수 없습니다.</translation>
    </message>
    <message>
        <source>The training loss was lowest at epoch {best} ({low}) and has risen for {epochs} to {now}: the optimizer&apos;s steps overshoot, so the learning rate{lr} is too high.</source>
        <translation>훈련 손실이 {best}번째 에포크에서 가장 낮았고({low}) 그 뒤 {epochs} 동안 {now}까지 올랐습니다. 옵티마이저의 한 걸음이 너무 커서 최솟값을 지나치고 있으니, 학습률{lr}이 너무 높습니다.</translation>
    </message>
    <message>
        <source>The training loss jumps up and down from epoch {first} to {last} (between {low} and {high}) instead of falling: the learning rate{lr} is too high.</source>
        <translation>훈련 손실이 {first}번째부터 {last}번째 에포크까지 내려가지 않고 오르내리기만 합니다({low}에서 {high} 사이). 학습률{lr}이 너무 높습니다.</translation>
    </message>
    <message>
        <source>The loss exploded in epoch 1 ({first}) and has been stuck near {now} since, with a training accuracy of {accuracy}: the learning rate{lr} is so high that the weights blew up, and the model learns nothing.</source>
        <translation>손실이 첫 번째 에포크에서 폭발했고({first}) 그 뒤로 {now} 근처에 멈춰 있으며, 훈련 정확도는 {accuracy}입니다. 학습률{lr}이 너무 높아서 가중치가 발산했고, 모델이 아무것도 배우지 못하고 있습니다.</translation>
    </message>
    <message>
        <source>Since epoch {start} the model is no better than guessing: training accuracy {accuracy}, and a loss of {loss} where an even guess among {classes} classes scores {guess}. The learning rate{lr} is so high that the weights blew up.</source>
        <translation>{start}번째 에포크부터 모델이 찍기보다 나을 것이 없습니다. 훈련 정확도는 {accuracy}이고, 손실은 {loss}입니다. 클래스 {classes}개 중에서 고르게 찍기만 해도 손실이 {guess}입니다. 학습률{lr}이 너무 높아서 가중치가 발산했습니다.</translation>
    </message>
    <message>
        <source>After the first epoch the training loss only moves between {low} and {high} and the training accuracy is {accuracy}: a learning rate of {lr} is {times} times what {optimizer} usually takes ({usual}), so each step jumps past what the model could learn.</source>
        <translation>첫 에포크 이후로 훈련 손실이 {low}와 {high} 사이에서만 오가고 훈련 정확도는 {accuracy}입니다. 학습률({lr})이 {optimizer}에 보통 쓰는 값({usual})의 {times}배라서, 매 단계가 모델이 배울 수 있는 지점을 지나쳐 버립니다.</translation>
    </message>
    <message>
        <source>After the first epoch the training loss only moves between {low} and {high}: a learning rate of {lr} is {times} times what {optimizer} usually takes ({usual}), so each step jumps past what the model could learn.</source>
        <translation>첫 에포크 이후로 훈련 손실이 {low}와 {high} 사이에서만 오갑니다. 학습률({lr})이 {optimizer}에 보통 쓰는 값({usual})의 {times}배라서, 매 단계가 모델이 배울 수 있는 지점을 지나쳐 버립니다.</translation>
    </message>
    <message>
        <source>The training loss barely moved in {epochs}, from {first} to {now} ({change}) (training accuracy {accuracy}): the learning rate{lr} is probably too low, so each step changes the weights too little.</source>
        <translation>훈련 손실이 {epochs} 동안 거의 움직이지 않았습니다({first} → {now}, {change}, 훈련 정확도 {accuracy}). 학습률{lr}이 너무 낮아서 한 스텝마다 가중치가 너무 조금만 바뀌는 것 같습니다.</translation>
    </message>
    <message>
        <source>The training loss barely moved in {epochs}, from {first} to {now} ({change}): the learning rate{lr} is probably too low, so each step changes the weights too little.</source>
        <translation>훈련 손실이 {epochs} 동안 거의 움직이지 않았습니다({first} → {now}, {change}). 학습률{lr}이 너무 낮아서 한 스텝마다 가중치가 너무 조금만 바뀌는 것 같습니다.</translation>
    </message>
    <message>
        <source>The validation loss was best at epoch {best} ({low}) and has risen for {epochs} to {now} while the training loss kept falling ({train_then} → {train_now}): the model is memorising the training data instead of learning what carries over to new data.</source>
        <translation>검증 손실은 {best}번째 에포크에서 가장 좋았고({low}) 그 뒤 {epochs} 동안 {now}까지 올랐지만, 훈련 손실은 계속 내려갔습니다({train_then} → {train_now}). 모델이 새 데이터에도 통하는 규칙을 배우는 대신 훈련 데이터를 외우고 있습니다(과대적합).</translation>
    </message>
    <message>
        <source>The validation loss has not improved since epoch {best} ({low}) while the training loss kept falling, to {train_now}: {ratio} times lower than the validation loss ({now}). The model is memorising the training data instead of learning what carries over to new data.</source>
        <translation>검증 손실은 {best}번째 에포크({low}) 이후 나아지지 않았는데, 훈련 손실은 계속 내려가 {train_now}까지 낮아졌습니다. 검증 손실({now})보다 {ratio}배 낮습니다. 모델이 새 데이터에도 통하는 규칙을 배우는 대신 훈련 데이터를 외우고 있습니다(과대적합).</translation>
    </message>
    <message>
        <source>Since epoch {start} the gap between the training loss ({train_now}) and the validation loss ({now}) has grown every epoch, from {gap_then} to {gap_now}, and the validation loss has not improved since epoch {best}: the model is starting to memorise the training data.</source>
        <translation>{start}번째 에포크부터 훈련 손실({train_now})과 검증 손실({now})의 차이가 에포크마다 커졌고({gap_then} → {gap_now}), 검증 손실은 {best}번째 에포크 이후 나아지지 않았습니다. 모델이 훈련 데이터를 외우기 시작했습니다(과대적합).</translation>
    </message>
    <message>
        <source>The validation loss has not improved for {epochs} (best {low} at epoch {best}, now {now}): progress has stopped. A smaller learning rate often gets it going again, and stopping early saves the time.</source>
        <translation>검증 손실이 {epochs} 동안 나아지지 않았습니다(최고 {low}, {best}번째 에포크 / 현재 {now}). 훈련이 정체되었습니다. 학습률을 낮추면 다시 나아지는 경우가 많고, 조기 종료를 쓰면 시간을 아낄 수 있습니다.</translation>
    </message>
    <message>
        <source>The training loss has not improved for {epochs} (best {low} at epoch {best}, now {now}): progress has stopped. A smaller learning rate often gets it going again, and stopping early saves the time.</source>
        <translation>훈련 손실이 {epochs} 동안 나아지지 않았습니다(최고 {low}, {best}번째 에포크 / 현재 {now}). 훈련이 정체되었습니다. 학습률을 낮추면 다시 나아지는 경우가 많고, 조기 종료를 쓰면 시간을 아낄 수 있습니다.</translation>
    </message>
    <message>
        <source>The training loss has stayed near {now} since epoch {start} (training accuracy {accuracy}) and the validation loss near {val_now}: the curves are flat while the loss is still high, so the model is too small for this data or has not trained long enough.</source>
        <translation>{start}번째 에포크부터 훈련 손실은 {now} 근처(훈련 정확도 {accuracy}), 검증 손실은 {val_now} 근처에 머물러 있습니다. 손실이 아직 높은데 곡선이 평평하므로, 모델이 이 데이터에 비해 너무 작거나 훈련이 충분히 길지 않았습니다(과소적합).</translation>
    </message>
    <message>
        <source>The training loss has stayed near {now} since epoch {start} (training accuracy {accuracy}): the curves are flat while the loss is still high, so the model is too small for this data or has not trained long enough.</source>
        <translation>{start}번째 에포크부터 훈련 손실이 {now} 근처에 머물러 있습니다(훈련 정확도 {accuracy}). 손실이 아직 높은데 곡선이 평평하므로, 모델이 이 데이터에 비해 너무 작거나 훈련이 충분히 길지 않았습니다(과소적합).</translation>
    </message>
    <message>
        <source>The training loss has stayed near {now} since epoch {start} and the validation loss near {val_now}: the curves are flat while the loss is still high, so the model is too small for this data or has not trained long enough.</source>
        <translation>{start}번째 에포크부터 훈련 손실은 {now} 근처, 검증 손실은 {val_now} 근처에 머물러 있습니다. 손실이 아직 높은데 곡선이 평평하므로, 모델이 이 데이터에 비해 너무 작거나 훈련이 충분히 길지 않았습니다(과소적합).</translation>
    </message>
    <message>
        <source>The training loss has stayed near {now} since epoch {start}: the curves are flat while the loss is still high, so the model is too small for this data or has not trained long enough.</source>
        <translation>{start}번째 에포크부터 훈련 손실이 {now} 근처에 머물러 있습니다. 손실이 아직 높은데 곡선이 평평하므로, 모델이 이 데이터에 비해 너무 작거나 훈련이 충분히 길지 않았습니다(과소적합).</translation>
    </message>
</context>
<context>
    <name>training.coach_actions</name>
    <message>
        <source>Divide the learning rate by 10</source>
        <translation>학습률을 10으로 나누기</translation>
    </message>
    <message>
        <source>Multiply the learning rate by 10</source>
        <translation>학습률에 10 곱하기</translation>
    </message>
    <message>
        <source>Divide the learning rate by 10 ({old} → {new})</source>
        <translation>학습률을 10으로 나누기 ({old} → {new})</translation>
    </message>
    <message>
        <source>Multiply the learning rate by 10 ({old} → {new})</source>
        <translation>학습률에 10 곱하기 ({old} → {new})</translation>
    </message>
    <message>
        <source>Turn on early stopping (stop after {epochs} without progress, keep the best epoch&apos;s weights)</source>
        <translation>조기 종료 켜기 ({epochs} 동안 나아지지 않으면 멈추고, 가장 좋았던 에포크의 가중치 유지)</translation>
    </message>
    <message>
        <source>Turn on ReduceLROnPlateau (halve the learning rate when progress stops)</source>
        <translation>ReduceLROnPlateau 켜기 (훈련이 정체되면 학습률을 절반으로)</translation>
    </message>
    <message>
        <source>Train for {new} epochs instead of {old}</source>
        <translation>{old} 에포크 대신 {new} 에포크 동안 훈련</translation>
    </message>
    <message>
        <source>Train for twice as many epochs</source>
        <translation>에포크 수를 두 배로 늘려 훈련</translation>
    </message>
    <message>
        <source>Add Dropout after {name}</source>
        <translation>{name} 뒤에 Dropout 추가</translation>
    </message>
    <message>
        <source>Add Dropout (rate {rate}) after {name}, the largest Dense layer</source>
        <translation>가장 큰 Dense 층인 {name} 뒤에 Dropout(rate {rate}) 추가</translation>
    </message>
    <message>
        <source>Widen {name}</source>
        <translation>{name} 넓히기</translation>
    </message>
    <message>
        <source>Make {name} wider ({units} → {new} units)</source>
        <translation>{name} 넓히기 (유닛 {units}개 → {new}개)</translation>
    </message>
</context>
<context>
    <name>training.compare</name>
    <message>
        <source>Run {n}</source>
        <extracomment>Settings never shown: bookkeeping, not choices.</extracomment>
        <translation>실행 {n}</translation>
    </message>
    <message>
        <source>Trial {n}</source>
        <translation>시도 {n}</translation>
    </message>
</context>
<context>
    <name>training.config</name>
    <message>
        <source>1 epoch</source>
        <translation>1 에포크</translation>
    </message>
    <message>
        <source>{n} epochs</source>
        <translation>{n} 에포크</translation>
    </message>
</context>
<context>
    <name>training.dataset_table</name>
    <message>
        <source>Digits (8×8 images)</source>
        <translation>손글씨 숫자 (8×8 이미지)</translation>
    </message>
    <message>
        <source>1,797 handwritten digits 0-9 as 8×8 grey images (values 0-16). Bundled: no download.</source>
        <translation>0-9 손글씨 숫자 1,797개, 8×8 흑백 이미지(값 0-16). 내장되어 있어 다운로드가 필요 없습니다.</translation>
    </message>
    <message>
        <source>Iris flowers</source>
        <translation>붓꽃 (Iris)</translation>
    </message>
    <message>
        <source>150 flowers, 4 measurements, 3 species. Bundled: no download.</source>
        <translation>꽃 150송이, 측정값 4개, 품종 3가지. 내장되어 있어 다운로드가 필요 없습니다.</translation>
    </message>
    <message>
        <source>Wine</source>
        <translation>와인</translation>
    </message>
    <message>
        <source>178 wines, 13 chemical measurements, 3 cultivars. Bundled: no download.</source>
        <translation>와인 178개, 화학 측정값 13개, 품종 3가지. 내장되어 있어 다운로드가 필요 없습니다.</translation>
    </message>
    <message>
        <source>Breast cancer</source>
        <translation>유방암</translation>
    </message>
    <message>
        <source>569 tumours, 30 measurements, malignant or benign. Bundled: no download.</source>
        <translation>종양 569개, 측정값 30개, 악성 또는 양성. 내장되어 있어 다운로드가 필요 없습니다.</translation>
    </message>
    <message>
        <source>Diabetes progression</source>
        <translation>당뇨병 진행도</translation>
    </message>
    <message>
        <source>442 patients, 10 measurements, disease progression after a year (a number). Bundled.</source>
        <translation>환자 442명, 측정값 10개, 1년 뒤의 병 진행도(숫자 하나). 내장되어 있습니다.</translation>
    </message>
    <message>
        <source>MNIST digits</source>
        <translation>MNIST 손글씨 숫자</translation>
    </message>
    <message>
        <source>70,000 handwritten digits, 28×28 grey. Downloaded once by Keras (11 MB).</source>
        <translation>손글씨 숫자 70,000개, 28×28 흑백. Keras가 처음 한 번 내려받습니다(11 MB).</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>70,000 clothes pictures in 10 kinds, 28×28 grey. Downloaded once by Keras (30 MB).</source>
        <translation>옷 사진 70,000장, 10가지 종류, 28×28 흑백. Keras가 처음 한 번 내려받습니다(30 MB).</translation>
    </message>
    <message>
        <source>CIFAR-10</source>
        <translation>CIFAR-10</translation>
    </message>
    <message>
        <source>60,000 colour pictures 32×32 in 10 classes. Downloaded once by Keras (170 MB).</source>
        <translation>32×32 컬러 사진 60,000장, 클래스 10개. Keras가 처음 한 번 내려받습니다(170 MB).</translation>
    </message>
    <message>
        <source>CIFAR-100</source>
        <translation>CIFAR-100</translation>
    </message>
    <message>
        <source>60,000 colour pictures 32×32 in 100 classes. Downloaded once by Keras (170 MB).</source>
        <translation>32×32 컬러 사진 60,000장, 클래스 100개. Keras가 처음 한 번 내려받습니다(170 MB).</translation>
    </message>
    <message>
        <source>IMDB reviews</source>
        <translation>IMDB 영화 리뷰</translation>
    </message>
    <message>
        <source>50,000 film reviews as word numbers, positive or negative. Downloaded once by Keras (17 MB).</source>
        <translation>단어 번호로 된 영화 리뷰 50,000개, 긍정 또는 부정. Keras가 처음 한 번 내려받습니다(17 MB).</translation>
    </message>
    <message>
        <source>Reuters newswires</source>
        <translation>로이터 뉴스</translation>
    </message>
    <message>
        <source>11,228 news stories as word numbers in 46 topics. Downloaded once by Keras (2 MB).</source>
        <translation>단어 번호로 된 뉴스 기사 11,228개, 주제 46가지. Keras가 처음 한 번 내려받습니다(2 MB).</translation>
    </message>
    <message>
        <source>Boston housing</source>
        <translation>보스턴 주택 가격</translation>
    </message>
    <message>
        <source>506 districts, 13 measurements, median house price. Downloaded once by Keras (57 kB).</source>
        <translation>지역 506곳, 측정값 13개, 주택 가격의 중앙값. Keras가 처음 한 번 내려받습니다(57 kB).</translation>
    </message>
    <message>
        <source>California housing</source>
        <translation>캘리포니아 주택 가격</translation>
    </message>
    <message>
        <source>20,640 districts, 8 measurements, median house value. Downloaded once by Keras.</source>
        <translation>지역 20,640곳, 측정값 8개, 주택 가치의 중앙값. Keras가 처음 한 번 내려받습니다.</translation>
    </message>
</context>
<context>
    <name>training.datasets</name>
    <message>
        <source>Unknown data set {name}. Known: {known}.</source>
        <translation>알 수 없는 데이터셋 {name}입니다. 사용할 수 있는 데이터셋: {known}.</translation>
    </message>
    <message>
        <source>Choose a file or folder for your data.</source>
        <translation>데이터로 쓸 파일이나 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>No such file or folder: {path}</source>
        <translation>파일이나 폴더가 없습니다: {path}</translation>
    </message>
    <message>
        <source>Choose the column (or columns) the model should predict.</source>
        <translation>모델이 예측할 열(하나 또는 여러 개)을 고르세요.</translation>
    </message>
    <message>
        <source>{file} has no array named {missing} (it has: {names}).</source>
        <translation>{file} 파일에 {missing} 배열이 없습니다 (있는 배열: {names}).</translation>
    </message>
    <message>
        <source>Choose which array holds the labels (the file has: {names}).</source>
        <translation>레이블이 들어 있는 배열을 고르세요 (파일에 있는 배열: {names}).</translation>
    </message>
    <message>
        <source>{array} has {n}</source>
        <translation>{array}: {n}개</translation>
    </message>
    <message>
        <source>The arrays do not have the same number of samples: {counts}.</source>
        <translation>배열들의 샘플 수가 같지 않습니다: {counts}.</translation>
    </message>
    <message>
        <source>Unknown kind of data source {source}.</source>
        <translation>알 수 없는 종류의 데이터 소스입니다: {source}.</translation>
    </message>
    <message>
        <source>Could not load {what}: {error}</source>
        <translation>{what}을(를) 불러올 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>{title} could not be downloaded (this computer seems to be offline: {reason}).</source>
        <translation>{title} 데이터셋을 내려받을 수 없습니다 (이 컴퓨터가 오프라인인 것 같습니다: {reason}).</translation>
    </message>
    <message>
        <source>{title} could not be downloaded (this computer seems to be offline).</source>
        <translation>{title} 데이터셋을 내려받을 수 없습니다 (이 컴퓨터가 오프라인인 것 같습니다).</translation>
    </message>
    <message>
        <source>Download the four files from {url} and put them in {folder}:</source>
        <translation>{url}에서 아래 파일 네 개를 내려받아 {folder} 폴더에 넣으세요:</translation>
    </message>
    <message>
        <source>Download {url} and save it as {path} (that exact name, not unpacked: Keras unpacks it on first use).</source>
        <translation>{url} 파일을 내려받아 {path} 경로에 저장하세요 (정확히 이 이름으로, 압축을 풀지 말고 저장하세요. 처음 쓸 때 Keras가 압축을 풉니다).</translation>
    </message>
    <message>
        <source>Download {url} and put it in {path}.</source>
        <translation>{url} 파일을 내려받아 {path} 경로에 넣으세요.</translation>
    </message>
    <message>
        <source>Or pick a data set that needs no download: digits, iris, wine, breast_cancer, diabetes.</source>
        <translation>또는 다운로드가 필요 없는 데이터셋을 고르세요: digits, iris, wine, breast_cancer, diabetes.</translation>
    </message>
</context>
<context>
    <name>training.evaluation</name>
    <message>
        <source>Evaluated on the test split ({n} samples).</source>
        <translation>테스트 세트로 평가했습니다 (샘플 {n}개).</translation>
    </message>
    <message>
        <source>Evaluated on the val split ({n} samples).</source>
        <translation>검증 세트로 평가했습니다 (샘플 {n}개).</translation>
    </message>
    <message>
        <source>Evaluated on the train split ({n} samples).</source>
        <translation>훈련 세트로 평가했습니다 (샘플 {n}개).</translation>
    </message>
</context>
<context>
    <name>training.fit_setup</name>
    <message>
        <source>Unknown optimizer {name}; choose one of {known}.</source>
        <translation>알 수 없는 옵티마이저 {name}입니다. 다음 중에서 고르세요: {known}.</translation>
    </message>
    <message>
        <source>The optimizer&apos;s options are not valid: {error}</source>
        <translation>옵티마이저 옵션이 올바르지 않습니다: {error}</translation>
    </message>
    <message>
        <source>The TensorBoard callback needs the &apos;tensorboard&apos; package, and TensorFlow 2.21 no longer installs it. Install it (pip install tensorboard) or switch the TensorBoard callback off.</source>
        <translation>TensorBoard 콜백에는 &apos;tensorboard&apos; 패키지가 필요한데, TensorFlow 2.21부터는 이 패키지를 함께 설치하지 않습니다. 패키지를 설치하거나(pip install tensorboard) TensorBoard 콜백을 끄세요.</translation>
    </message>
    <message>
        <source>Class weights work only for a model with one output.</source>
        <translation>클래스 가중치는 출력이 하나인 모델에만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Class weights must be none, balanced or a table, not {value}.</source>
        <translation>클래스 가중치는 none, balanced 또는 표여야 합니다. {value} 값은 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>The computer ran out of memory while training. Use a smaller batch size, smaller layers, or less data. The model and its weights so far are kept.</source>
        <translation>훈련하는 동안 컴퓨터의 메모리가 부족해졌습니다. 배치 크기를 줄이거나, 층을 작게 하거나, 데이터를 줄이세요. 모델과 지금까지의 가중치는 그대로 남아 있습니다.</translation>
    </message>
    <message>
        <source>The data does not fit the model: {error}</source>
        <translation>데이터가 모델에 맞지 않습니다: {error}</translation>
    </message>
    <message>
        <source>Training failed: {name}: {error}</source>
        <translation>훈련에 실패했습니다: {name}: {error}</translation>
    </message>
</context>
<context>
    <name>training.inputs</name>
    <message>
        <source>Cannot read {file}: {error}.</source>
        <translation>{file} 파일을 읽을 수 없습니다: {error}.</translation>
    </message>
    <message>
        <source>the picture</source>
        <translation>그림</translation>
    </message>
    <message>
        <source>{file} has {width}×{height} pixels, more than kbuilder&apos;s limit of {limit}.</source>
        <translation>{file}의 크기가 {width}×{height} 픽셀로, kbuilder의 한도인 {limit} 픽셀보다 큽니다.</translation>
    </message>
    <message>
        <source>{file} is not a picture kbuilder can read (PNG, JPG or BMP).</source>
        <translation>{file}은(는) kbuilder가 읽을 수 있는 그림(PNG, JPG, BMP)이 아닙니다.</translation>
    </message>
    <message>
        <source>{file} is a damaged picture ({error}).</source>
        <translation>{file}은(는) 손상된 그림입니다 ({error}).</translation>
    </message>
    <message>
        <source>a picture has the shape (height, width) or (height, width, channels), not {shape}</source>
        <translation>그림의 크기는 (높이, 너비) 또는 (높이, 너비, 채널)이어야 합니다. {shape}은(는) 그림의 크기가 아닙니다</translation>
    </message>
    <message>
        <source>Row {row}, column {column} of {file} is {cell}, not a number.</source>
        <translation>{file}의 {row}행 {column}열 값 {cell}은(는) 숫자가 아닙니다.</translation>
    </message>
    <message>
        <source>{file} is not a text CSV file (it is not UTF-8).</source>
        <translation>{file}은(는) 텍스트 CSV 파일이 아닙니다 (UTF-8이 아닙니다).</translation>
    </message>
    <message>
        <source>{file} is empty.</source>
        <translation>{file} 파일이 비어 있습니다.</translation>
    </message>
    <message>
        <source>{file} has a header row but no rows of numbers.</source>
        <translation>{file} 파일에 머리글 행만 있고 숫자 행이 없습니다.</translation>
    </message>
    <message>
        <source>Row {row} of {file} has {cells} cells, the first row {first}: every row needs the same number.</source>
        <translation>{file}의 {row}행에는 칸이 {cells}개인데 첫 행에는 {first}개입니다. 모든 행의 칸 수가 같아야 합니다.</translation>
    </message>
    <message>
        <source>{file} is not an .npz file (not a zip archive).</source>
        <translation>{file}은(는) .npz 파일이 아닙니다 (zip 압축 파일이 아닙니다).</translation>
    </message>
    <message>
        <source>{file} holds {size} of arrays, more than kbuilder&apos;s limit of {limit}.</source>
        <translation>{file}에 든 배열이 모두 {size}입니다. kbuilder의 한도({limit})보다 큽니다.</translation>
    </message>
    <message>
        <source>{file} holds no arrays.</source>
        <translation>{file}에 배열이 하나도 없습니다.</translation>
    </message>
    <message>
        <source>{file} holds Python objects, which kbuilder never loads; save plain numbers.</source>
        <translation>{file}에 파이썬 객체가 들어 있습니다. kbuilder는 이런 파일을 절대 불러오지 않으니, 숫자만 저장하세요.</translation>
    </message>
    <message>
        <source>{file} is a damaged array file ({error}).</source>
        <translation>{file}은(는) 손상된 배열 파일입니다 ({error}).</translation>
    </message>
    <message>
        <source>{file} holds something other than plain numbers.</source>
        <translation>{file}에 숫자가 아닌 것이 들어 있습니다.</translation>
    </message>
    <message>
        <source>{file} holds {dtype} values, not numbers.</source>
        <translation>{file}에 든 값은 숫자가 아니라 {dtype} 값입니다.</translation>
    </message>
</context>
<context>
    <name>training.notebook</name>
    <message>
        <source>A notebook is saved as {suffix} (got &apos;{name}&apos;).</source>
        <translation>노트북은 {suffix} 파일로 저장해야 합니다 (받은 이름: &apos;{name}&apos;).</translation>
    </message>
</context>
<context>
    <name>training.predict</name>
    <message>
        <source>This model has no trained weights yet: train it first.</source>
        <translation>이 모델에는 아직 훈련된 가중치가 없습니다. 먼저 훈련하세요.</translation>
    </message>
    <message>
        <source>kbuilder does not know how this model&apos;s training data was scaled, so the input goes in as it is; give the data set it was trained on (--dataset) to scale it the same way.</source>
        <translation>이 모델의 훈련 데이터가 어떻게 스케일 조정되었는지 kbuilder가 알 수 없으므로 입력을 그대로 넣습니다. 같은 방식으로 스케일을 조정하려면 훈련에 쓴 데이터셋을 지정하세요(--dataset).</translation>
    </message>
    <message>
        <source>Train the model first: prediction needs its weights and its data&apos;s scaling.</source>
        <translation>먼저 모델을 훈련하세요. 예측하려면 모델의 가중치와 데이터의 스케일 조정 방식이 필요합니다.</translation>
    </message>
    <message>
        <source>This model was not built from a graph, so kbuilder cannot put its scaling in it.</source>
        <translation>이 모델은 그래프로 만든 것이 아니어서 kbuilder가 스케일 조정 층을 넣을 수 없습니다.</translation>
    </message>
    <message>
        <source>The model expects {expects}; it does not take pictures.</source>
        <translation>이 모델의 입력은 {expects}입니다. 그림은 받지 않습니다.</translation>
    </message>
    <message>
        <source>the input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>The model expects {expects}; it does not read text (its training data carried no vocabulary).</source>
        <translation>이 모델의 입력은 {expects}입니다. 텍스트는 읽지 않습니다 (훈련 데이터에 어휘 사전이 없었습니다).</translation>
    </message>
    <message>
        <source>The model expects text, and there are no words in it.</source>
        <translation>이 모델은 텍스트를 받는데, 입력에 단어가 하나도 없습니다.</translation>
    </message>
    <message>
        <source>the array</source>
        <translation>배열</translation>
    </message>
    <message>
        <source>The model expects {expects}; {what} is a picture.</source>
        <translation>이 모델의 입력은 {expects}입니다. {what} 파일은 그림입니다.</translation>
    </message>
    <message>
        <source>The model expects {expects}; {what} is text.</source>
        <translation>이 모델의 입력은 {expects}입니다. {what} 파일은 텍스트입니다.</translation>
    </message>
    <message>
        <source>kbuilder reads pictures (.png, .jpg), rows of numbers (.csv), arrays (.npy, .npz) and text (.txt), not {what}.</source>
        <translation>kbuilder가 읽을 수 있는 것은 그림(.png, .jpg), 숫자 행(.csv), 배열(.npy, .npz), 텍스트(.txt)입니다. {what} 파일은 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>This model gives no pictures back: none of its outputs has the shape of its input.</source>
        <translation>이 모델은 그림을 출력하지 않습니다. 입력과 크기가 같은 출력이 하나도 없습니다.</translation>
    </message>
    <message>
        <source>Save the model as .keras (recommended) or .h5, not {file}.</source>
        <translation>모델은 .keras(권장) 또는 .h5로 저장하세요. {file}(으)로는 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>Could not save {file}: {error}.</source>
        <translation>{file} 파일을 저장할 수 없습니다: {error}.</translation>
    </message>
    <message>
        <source>Could not save {file}: {error}</source>
        <translation>{file} 파일을 저장할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>The model expects an .npz file with one array per input: {names}.</source>
        <translation>이 모델에는 입력마다 배열이 하나씩 든 .npz 파일이 필요합니다: {names}.</translation>
    </message>
    <message>
        <source>The model expects {expects}; {error}.</source>
        <translation>이 모델의 입력은 {expects}입니다. {error}.</translation>
    </message>
    <message>
        <source>The model expects {expects}; {what} has rows of {width} numbers.</source>
        <translation>이 모델의 입력은 {expects}입니다. {what}의 행에는 숫자가 {width}개 있습니다.</translation>
    </message>
    <message>
        <source>The model expects {expects}; {what} holds several arrays ({names}): name the one to use &apos;{input}&apos; or &apos;x&apos;.</source>
        <translation>이 모델의 입력은 {expects}입니다. {what}에 배열이 여러 개 있습니다({names}). 사용할 배열의 이름을 &apos;{input}&apos; 또는 &apos;x&apos;로 지정하세요.</translation>
    </message>
    <message>
        <source>The model expects {expects}; {what} holds an array of shape {shape}.</source>
        <translation>이 모델의 입력은 {expects}입니다. {what}에 든 배열의 크기는 {shape}입니다.</translation>
    </message>
    <message>
        <source>The model could not predict: {error}</source>
        <translation>모델이 예측하지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>The model expects {expects}; the input holds no samples.</source>
        <translation>이 모델의 입력은 {expects}입니다. 입력에 샘플이 하나도 없습니다.</translation>
    </message>
    <message>
        <source>a model to predict with</source>
        <translation>예측에 쓸 모델</translation>
    </message>
    <message>
        <source>The saved weights do not fit this model&apos;s layers (they changed since training): train it again first.</source>
        <translation>저장된 가중치가 이 모델의 층에 맞지 않습니다 (훈련 뒤에 층이 바뀌었습니다). 먼저 다시 훈련하세요.</translation>
    </message>
    <message>
        <source>The layers {names} and {more} more have no trained weights (they changed since training): train the model again first.</source>
        <translation>{names} 층 외 {more}개 층에 훈련된 가중치가 없습니다 (훈련 뒤에 바뀌었습니다). 먼저 모델을 다시 훈련하세요.</translation>
    </message>
    <message>
        <source>The layers {names} have no trained weights (they changed since training): train the model again first.</source>
        <translation>{names} 층에 훈련된 가중치가 없습니다 (훈련 뒤에 바뀌었습니다). 먼저 모델을 다시 훈련하세요.</translation>
    </message>
</context>
<context>
    <name>training.predict_cli</name>
    <message>
        <source>a trained model (.keras, .h5) or a project saved with its weights</source>
        <translation>훈련된 모델(.keras, .h5) 또는 가중치와 함께 저장한 프로젝트</translation>
    </message>
    <message>
        <source>a picture (.png, .jpg), rows of numbers (.csv), arrays (.npy, .npz) or text (.txt)</source>
        <translation>그림(.png, .jpg), 숫자 행(.csv), 배열(.npy, .npz) 또는 텍스트(.txt)</translation>
    </message>
    <message>
        <source>print the predictions as JSON</source>
        <translation>예측 결과를 JSON으로 출력</translation>
    </message>
    <message>
        <source>the data the model was trained on (a name from &apos;kbuilder datasets&apos;, or a .csv/.npz file or a folder), for its scaling and class names; a project&apos;s own settings otherwise</source>
        <translation>모델을 훈련한 데이터(&apos;kbuilder datasets&apos;의 이름, 또는 .csv/.npz 파일이나 폴더). 스케일 조정 방식과 클래스 이름을 알아내는 데 씁니다. 지정하지 않으면 프로젝트 자체의 설정을 씁니다</translation>
    </message>
    <message>
        <source>with a .csv --dataset: the column the model predicts</source>
        <translation>.csv --dataset과 함께: 모델이 예측하는 열</translation>
    </message>
    <message>
        <source>note: {note}</source>
        <translation>참고: {note}</translation>
    </message>
    <message>
        <source>sample {n}</source>
        <translation>샘플 {n}</translation>
    </message>
    <message>
        <source>... and {n} more samples (--json gives them all)</source>
        <translation>... 샘플 {n}개 더 있음 (--json으로 모두 볼 수 있습니다)</translation>
    </message>
    <message>
        <source>an array of shape {shape} (--json gives the numbers)</source>
        <translation>크기가 {shape}인 배열 (--json으로 숫자를 볼 수 있습니다)</translation>
    </message>
</context>
<context>
    <name>training.predict_info</name>
    <message>
        <source>text, or rows of {n} word numbers</source>
        <translation>텍스트, 또는 단어 번호 {n}개로 된 행</translation>
    </message>
    <message>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>pictures of {height}×{width} with {channels} channels, or rows of {n} numbers</source>
        <translation>채널이 {channels}개인 {height}×{width} 그림, 또는 숫자 {n}개로 된 행</translation>
    </message>
    <message>
        <source>pictures of {height}×{width} with {channels} channel, or rows of {n} numbers</source>
        <translation>채널이 {channels}개인 {height}×{width} 그림, 또는 숫자 {n}개로 된 행</translation>
    </message>
    <message>
        <source>rows of {n} numbers ({columns})</source>
        <translation>숫자 {n}개로 된 행 ({columns})</translation>
    </message>
    <message>
        <source>rows of {n} numbers</source>
        <translation>숫자 {n}개로 된 행</translation>
    </message>
    <message>
        <source>arrays of shape {shape}</source>
        <translation>크기가 {shape}인 배열</translation>
    </message>
    <message>
        <source>any</source>
        <translation>임의</translation>
    </message>
</context>
<context>
    <name>training.prepare</name>
    <message>
        <source>The input {name} is mapped to {array}, but the data has no such array (it has: {arrays}).</source>
        <translation>입력 {name}에 배열 {array}이(가) 연결되어 있지만, 데이터에 그런 배열이 없습니다 (있는 배열: {arrays}).</translation>
    </message>
    <message>
        <source>The output {name} is mapped to {array}, but the data has no such array (it has: {arrays}).</source>
        <translation>출력 {name}에 배열 {array}이(가) 연결되어 있지만, 데이터에 그런 배열이 없습니다 (있는 배열: {arrays}).</translation>
    </message>
    <message>
        <source>The model has {n} inputs ({names}) but the data has {arrays} matching arrays ({array_names}): map each input to an array by name.</source>
        <translation>모델의 입력은 {n}개({names})인데, 데이터에 맞는 배열은 {arrays}개({array_names})입니다. 입력마다 연결할 배열을 이름으로 지정하세요.</translation>
    </message>
    <message>
        <source>The model has {n} outputs ({names}) but the data has {arrays} matching arrays ({array_names}): map each output to an array by name.</source>
        <translation>모델의 출력은 {n}개({names})인데, 데이터에 맞는 배열은 {arrays}개({array_names})입니다. 출력마다 연결할 배열을 이름으로 지정하세요.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>{key}: word numbers become a multi-hot vector of {units} (the model&apos;s input size).</source>
        <translation>{key}: 단어 번호를 길이 {units}(모델의 입력 크기)인 멀티-핫 벡터로 바꿉니다.</translation>
    </message>
    <message>
        <source>{key}: sequences padded or cut to {maxlen} words.</source>
        <translation>{key}: 시퀀스를 {maxlen} 단어 길이로 패딩하거나 자릅니다.</translation>
    </message>
    <message>
        <source>{key}: pixel values (0-{unit}) turned into 0-255, the units the model&apos;s own preprocessing layers expect.</source>
        <translation>{key}: 픽셀 값(0-{unit})을 모델의 전처리 층이 기대하는 단위인 0-255로 바꿉니다.</translation>
    </message>
    <message>
        <source>{key}: not scaled here: the model&apos;s own preprocessing layers do it.</source>
        <translation>{key}: 여기서는 스케일을 조정하지 않습니다. 모델의 전처리 층이 합니다.</translation>
    </message>
    <message>
        <source>{key}: pixel values divided by {max} to lie in 0-1.</source>
        <translation>{key}: 픽셀 값을 {max}(으)로 나누어 0-1 범위로 만듭니다.</translation>
    </message>
    <message>
        <source>{key}: each column scaled to 0-1 (training split&apos;s min and max).</source>
        <translation>{key}: 열마다 0-1 범위로 스케일을 조정합니다 (훈련 세트의 최솟값과 최댓값 기준).</translation>
    </message>
    <message>
        <source>{key}: each column standardized (training split&apos;s mean and std).</source>
        <translation>{key}: 열마다 표준화합니다 (훈련 세트의 평균과 표준편차 기준).</translation>
    </message>
    <message>
        <source>{key}: each sample reshaped from {old} to {new} to fit input {name}.</source>
        <translation>{key}: 입력 {name}에 맞도록 각 샘플의 크기를 {old}에서 {new}(으)로 바꿉니다.</translation>
    </message>
    <message>
        <source>{key}: class numbers turned into one-hot vectors of {n} (loss {loss}).</source>
        <translation>{key}: 클래스 번호를 길이 {n}인 원-핫 벡터로 바꿉니다 (손실 {loss}).</translation>
    </message>
    <message>
        <source>{key}: one-hot labels turned into class numbers (loss {loss}).</source>
        <translation>{key}: 원-핫 레이블을 클래스 번호로 바꿉니다 (손실 {loss}).</translation>
    </message>
    <message>
        <source>There is no training data left after the validation and test splits.</source>
        <translation>검증 세트와 테스트 세트를 떼어 내고 나니 남은 훈련 데이터가 없습니다.</translation>
    </message>
    <message>
        <source>The input {name} expects samples of shape {shape} but the data {key} has samples of shape {got} (same number of values: add a Reshape or Flatten layer).</source>
        <translation>입력 {name}은(는) 크기가 {shape}인 샘플을 받는데, 데이터 {key}의 샘플 크기는 {got}입니다 (값의 개수는 같으니 Reshape나 Flatten 층을 추가하세요).</translation>
    </message>
    <message>
        <source>The input {name} expects samples of shape {shape} but the data {key} has samples of shape {got} (add a Flatten layer after the input, or change the input&apos;s shape).</source>
        <translation>입력 {name}은(는) 크기가 {shape}인 샘플을 받는데, 데이터 {key}의 샘플 크기는 {got}입니다 (입력 뒤에 Flatten 층을 추가하거나 입력 크기를 바꾸세요).</translation>
    </message>
    <message>
        <source>The input {name} expects samples of shape {shape} but the data {key} has samples of shape {got}.</source>
        <translation>입력 {name}은(는) 크기가 {shape}인 샘플을 받는데, 데이터 {key}의 샘플 크기는 {got}입니다.</translation>
    </message>
    <message>
        <source>The model&apos;s output is a softmax over 1 unit, which always gives 1: use sigmoid for two classes, or as many units as classes.</source>
        <translation>모델의 출력은 유닛 1개에 대한 softmax라서 항상 1을 출력합니다. 클래스가 두 개면 sigmoid를 쓰고, 아니면 클래스 수만큼 유닛을 두세요.</translation>
    </message>
    <message>
        <source>The output {output} is a softmax over 1 unit, which always gives 1: use sigmoid for two classes, or as many units as classes.</source>
        <translation>출력 {output}은(는) 유닛 1개에 대한 softmax라서 항상 1을 출력합니다. 클래스가 두 개면 sigmoid를 쓰고, 아니면 클래스 수만큼 유닛을 두세요.</translation>
    </message>
    <message>
        <source>Sparse categorical cross-entropy needs one class number per sample, but the labels {key} have shape {shape}: use categorical cross-entropy, or integer labels.</source>
        <translation>sparse_categorical_crossentropy(희소 범주형 크로스엔트로피)에는 샘플마다 클래스 번호 하나가 필요한데, 레이블 {key}의 크기는 {shape}입니다. categorical_crossentropy를 쓰거나 정수 레이블을 쓰세요.</translation>
    </message>
    <message>
        <source>The labels {key} are not class numbers (they have fractions): for numbers to predict use mean squared error and a linear output.</source>
        <translation>레이블 {key}은(는) 클래스 번호가 아닙니다 (소수가 들어 있습니다). 숫자를 예측하려면 mean_squared_error(평균 제곱 오차)와 linear 출력을 쓰세요.</translation>
    </message>
    <message>
        <source>The model&apos;s output has {units} units but the labels have {classes} classes: set its units to {classes} (Build&apos;s Issues panel offers this fix).</source>
        <translation>모델 출력의 유닛은 {units}개인데 레이블의 클래스는 {classes}개입니다. units를 {classes}(으)로 바꾸세요(만들기 모드의 문제 패널에서 바로 고칠 수 있습니다).</translation>
    </message>
    <message>
        <source>The output {output} has {units} units but the labels have {classes} classes: set its units to {classes} (Build&apos;s Issues panel offers this fix).</source>
        <translation>출력 {output}의 유닛은 {units}개인데 레이블의 클래스는 {classes}개입니다. units를 {classes}(으)로 바꾸세요(만들기 모드의 문제 패널에서 바로 고칠 수 있습니다).</translation>
    </message>
    <message>
        <source>The model&apos;s output has {units} units but the labels have {classes} classes (the extra units are never the answer; training works, but matching them is cleaner).</source>
        <translation>모델의 출력의 유닛은 {units}개인데 레이블의 클래스는 {classes}개입니다 (남는 유닛은 절대 정답이 되지 않습니다. 훈련은 되지만 개수를 맞추는 편이 깔끔합니다).</translation>
    </message>
    <message>
        <source>The output {output} has {units} units but the labels have {classes} classes (the extra units are never the answer; training works, but matching them is cleaner).</source>
        <translation>출력 {output}의 유닛은 {units}개인데 레이블의 클래스는 {classes}개입니다 (남는 유닛은 절대 정답이 되지 않습니다. 훈련은 되지만 개수를 맞추는 편이 깔끔합니다).</translation>
    </message>
    <message>
        <source>The model&apos;s output uses {activation} activation with {loss}: a softmax output is expected.</source>
        <translation>모델의 출력은 {loss}와(과) 함께 {activation} 활성화 함수를 씁니다. 이 손실에는 softmax 출력이 맞습니다.</translation>
    </message>
    <message>
        <source>The output {output} uses {activation} activation with {loss}: a softmax output is expected.</source>
        <translation>출력 {output}은(는) {loss}와(과) 함께 {activation} 활성화 함수를 씁니다. 이 손실에는 softmax 출력이 맞습니다.</translation>
    </message>
    <message>
        <source>Binary cross-entropy needs labels 0 or 1, but the labels have {classes} classes: use a softmax output with {classes} units and sparse categorical cross-entropy.</source>
        <translation>binary_crossentropy(이진 크로스엔트로피)에는 0 또는 1인 레이블이 필요한데, 레이블의 클래스가 {classes}개입니다. 유닛이 {classes}개인 softmax 출력과 sparse_categorical_crossentropy를 쓰세요.</translation>
    </message>
    <message>
        <source>Binary cross-entropy needs labels 0 or 1, but the labels are other numbers: use mean squared error for numbers to predict.</source>
        <translation>binary_crossentropy(이진 크로스엔트로피)에는 0 또는 1인 레이블이 필요한데, 레이블에 다른 숫자가 들어 있습니다. 숫자를 예측하려면 mean_squared_error(평균 제곱 오차)를 쓰세요.</translation>
    </message>
    <message>
        <source>The model&apos;s output has {units} units but the labels have {values} value(s) per sample: binary cross-entropy needs one sigmoid unit per label.</source>
        <translation>모델의 출력의 유닛은 {units}개인데 레이블은 샘플마다 값이 {values}개입니다. binary_crossentropy에는 레이블마다 sigmoid 유닛이 하나씩 필요합니다.</translation>
    </message>
    <message>
        <source>The output {output} has {units} units but the labels have {values} value(s) per sample: binary cross-entropy needs one sigmoid unit per label.</source>
        <translation>출력 {output}의 유닛은 {units}개인데 레이블은 샘플마다 값이 {values}개입니다. binary_crossentropy에는 레이블마다 sigmoid 유닛이 하나씩 필요합니다.</translation>
    </message>
    <message>
        <source>The model&apos;s output uses {activation} activation with binary cross-entropy: a sigmoid output is expected.</source>
        <translation>모델의 출력은 binary_crossentropy와 함께 {activation} 활성화 함수를 씁니다. 이 손실에는 sigmoid 출력이 맞습니다.</translation>
    </message>
    <message>
        <source>The output {output} uses {activation} activation with binary cross-entropy: a sigmoid output is expected.</source>
        <translation>출력 {output}은(는) binary_crossentropy와 함께 {activation} 활성화 함수를 씁니다. 이 손실에는 sigmoid 출력이 맞습니다.</translation>
    </message>
    <message>
        <source>The model&apos;s output uses no activation with binary cross-entropy: a sigmoid output is expected.</source>
        <translation>모델의 출력은 binary_crossentropy와 함께 쓰면서 활성화 함수가 없습니다. 이 손실에는 sigmoid 출력이 맞습니다.</translation>
    </message>
    <message>
        <source>The output {output} uses no activation with binary cross-entropy: a sigmoid output is expected.</source>
        <translation>출력 {output}은(는) binary_crossentropy와 함께 쓰면서 활성화 함수가 없습니다. 이 손실에는 sigmoid 출력이 맞습니다.</translation>
    </message>
    <message>
        <source>The model&apos;s output gives {shape} per sample but the labels {key} have {labels}.</source>
        <translation>모델의 출력은 샘플마다 크기 {shape}을(를) 내는데 레이블 {key}의 크기는 {labels}입니다.</translation>
    </message>
    <message>
        <source>The output {output} gives {shape} per sample but the labels {key} have {labels}.</source>
        <translation>출력 {output}은(는) 샘플마다 크기 {shape}을(를) 내는데 레이블 {key}의 크기는 {labels}입니다.</translation>
    </message>
    <message>
        <source>The model&apos;s output is a softmax (a classifier) but the loss is {loss}: use sparse categorical cross-entropy for classes.</source>
        <translation>모델의 출력은 softmax(분류기)인데 손실은 {loss}입니다. 클래스를 예측하려면 sparse_categorical_crossentropy를 쓰세요.</translation>
    </message>
    <message>
        <source>The output {output} is a softmax (a classifier) but the loss is {loss}: use sparse categorical cross-entropy for classes.</source>
        <translation>출력 {output}은(는) softmax(분류기)인데 손실은 {loss}입니다. 클래스를 예측하려면 sparse_categorical_crossentropy를 쓰세요.</translation>
    </message>
    <message>
        <source>The batch size ({batch_size}) is larger than the training data ({n} samples): each epoch is one batch.</source>
        <translation>배치 크기({batch_size})가 훈련 데이터(샘플 {n}개)보다 큽니다. 에포크마다 배치가 하나뿐입니다.</translation>
    </message>
    <message>
        <source>(varies)</source>
        <translation>(가변)</translation>
    </message>
    <message>
        <source>any</source>
        <translation>임의</translation>
    </message>
</context>
<context>
    <name>training.preprocess</name>
    <message>
        <source>the model has no Input named {name}</source>
        <translation>모델에 이름이 {name}인 Input이 없습니다</translation>
    </message>
    <message>
        <source>the model already has a layer named {name}</source>
        <translation>모델에 이름이 {name}인 층이 이미 있습니다</translation>
    </message>
</context>
<context>
    <name>training.repair</name>
    <message>
        <source>sparse categorical cross-entropy</source>
        <extracomment>Layers that keep the shape of what they receive: an output&apos;s units are set before them. The losses in words, in English: :func:`loss_words` gives them in the user&apos;s language.</extracomment>
        <translation>sparse_categorical_crossentropy(희소 범주형 크로스엔트로피)</translation>
    </message>
    <message>
        <source>categorical cross-entropy</source>
        <translation>categorical_crossentropy(범주형 크로스엔트로피)</translation>
    </message>
    <message>
        <source>binary cross-entropy</source>
        <translation>binary_crossentropy(이진 크로스엔트로피)</translation>
    </message>
    <message>
        <source>Use {loss} as the loss</source>
        <translation>손실 함수로 {loss} 사용</translation>
    </message>
    <message>
        <source>{name} ends in softmax (one probability per class, summing to 1), but the loss is binary cross-entropy, which scores each unit as its own yes/no answer.</source>
        <translation>{name} 층은 softmax(클래스마다 확률 하나, 합이 1)로 끝나는데, 손실은 각 유닛을 따로따로 예/아니요 답으로 채점하는 binary_crossentropy입니다.</translation>
    </message>
    <message>
        <source>{name} ends in sigmoid (an independent yes/no per unit), but the loss is {loss}, which expects one probability per class from a softmax.</source>
        <translation>{name} 층은 sigmoid(유닛마다 독립적인 예/아니요)로 끝나는데, 손실은 softmax에서 나온 클래스별 확률을 기대하는 {loss}입니다.</translation>
    </message>
    <message>
        <source>Use activation {activation} and units {units} in {name}</source>
        <translation>{name} 층에 activation {activation}, units {units} 사용</translation>
    </message>
    <message>
        <source>Use activation {activation} in {name}</source>
        <translation>{name} 층에 activation {activation} 사용</translation>
    </message>
    <message>
        <source>Use {activation} in {name}</source>
        <translation>{name} 층에 {activation} 사용</translation>
    </message>
    <message>
        <source>{name} gives {units} values, but for two classes with sigmoid one unit is the answer.</source>
        <translation>{name} 층은 값을 {units}개 출력하지만, sigmoid로 두 클래스를 분류할 때는 유닛 하나면 됩니다.</translation>
    </message>
    <message>
        <source>{name} answers yes/no with sigmoid, but the data set has {classes} classes: a softmax with {classes} units gives one probability per class.</source>
        <translation>{name} 층은 sigmoid로 예/아니요만 답하는데, 데이터셋의 클래스는 {classes}개입니다. 유닛이 {classes}개인 softmax를 쓰면 클래스마다 확률을 하나씩 줍니다.</translation>
    </message>
    <message>
        <source>{name} has {units} units, but the data set has {classes} classes: it needs one unit per class.</source>
        <translation>{name} 층의 유닛은 {units}개인데 데이터셋의 클래스는 {classes}개입니다. 클래스마다 유닛이 하나씩 필요합니다.</translation>
    </message>
    <message>
        <source>Set the units of {name} to {units} and use softmax</source>
        <translation>{name} 층의 units를 {units}개로 바꾸고 softmax 사용</translation>
    </message>
    <message>
        <source>Set the units of {name} to {units}</source>
        <translation>{name} 층의 units를 {units}개로 바꾸기</translation>
    </message>
    <message>
        <source>Set the units of {name} to {units} and use softmax (and sparse categorical cross-entropy as the loss)</source>
        <translation>{name} 층의 units를 {units}개로 바꾸고 softmax 사용 (손실은 sparse_categorical_crossentropy)</translation>
    </message>
</context>
<context>
    <name>training.repair_cli</name>
    <message>
        <source>check the output layer against this data set&apos;s classes (see &apos;kbuilder datasets&apos;); default: the project&apos;s data set</source>
        <translation>출력층을 이 데이터셋의 클래스와 비교해 검사 (&apos;kbuilder datasets&apos; 참고). 기본값: 프로젝트의 데이터셋</translation>
    </message>
    <message>
        <source>apply the first fix of every issue that has one, check again, and repeat until none is left; write the result to -o</source>
        <translation>고치는 방법이 있는 문제마다 첫 번째 수정을 적용하고 다시 검사하기를 남은 문제가 없을 때까지 반복. 결과는 -o에 저장</translation>
    </message>
    <message>
        <source>where --fix writes the repaired model</source>
        <translation>--fix로 고친 모델을 저장할 위치</translation>
    </message>
    <message>
        <source>unknown data set &apos;{name}&apos; (run &apos;kbuilder datasets&apos; for the list)</source>
        <translation>알 수 없는 데이터셋 &apos;{name}&apos;입니다 (목록은 &apos;kbuilder datasets&apos;로 확인하세요)</translation>
    </message>
    <message>
        <source>--fix needs -o OUT.kbproj, the file to write the repaired model to</source>
        <translation>--fix에는 고친 모델을 저장할 파일 -o OUT.kbproj가 필요합니다</translation>
    </message>
    <message>
        <source>OUT must end in {suffixes} (got &apos;{name}&apos;)</source>
        <translation>OUT은 {suffixes} 중 하나로 끝나야 합니다 (받은 이름: &apos;{name}&apos;)</translation>
    </message>
    <message>
        <source>fixed: {title}</source>
        <translation>수정함: {title}</translation>
    </message>
    <message>
        <source>nothing to fix</source>
        <translation>고칠 것이 없습니다</translation>
    </message>
    <message>
        <source>wrote {path}</source>
        <translation>저장함: {path}</translation>
    </message>
    <message>
        <source>errors remain that kbuilder cannot fix by itself: {where}{message} (and {more} more)</source>
        <translation>kbuilder가 스스로 고칠 수 없는 오류가 남아 있습니다: {where}{message} (외 {more}개)</translation>
    </message>
    <message>
        <source>errors remain that kbuilder cannot fix by itself: {where}{message}</source>
        <translation>kbuilder가 스스로 고칠 수 없는 오류가 남아 있습니다: {where}{message}</translation>
    </message>
</context>
<context>
    <name>training.script</name>
    <message>
        <source>Check or train once first: the script repeats what that run did.</source>
        <extracomment>The function every exported script uses to split arrays into the model&apos;s inputs and labels.</extracomment>
        <translation>먼저 한 번 검사하거나 훈련하세요. 스크립트는 그 실행에서 한 일을 그대로 반복합니다.</translation>
    </message>
</context>
<context>
    <name>training.search_check</name>
    <message>
        <source>{name} is not a compile setting a search can vary ({settings})</source>
        <translation>{name}은(는) 탐색에서 바꿀 수 있는 컴파일 설정이 아닙니다 ({settings})</translation>
    </message>
    <message>
        <source>the layer of the searched {param} is no longer in the model</source>
        <translation>탐색하는 {param}의 층이 더 이상 모델에 없습니다</translation>
    </message>
    <message>
        <source>{layer} reuses the layer {owner}: search {owner}.{param} instead</source>
        <translation>{layer}은(는) {owner} 층을 다시 사용합니다. 대신 {owner}.{param}을(를) 탐색하세요</translation>
    </message>
    <message>
        <source>{layer} ({class_name}) has no parameter {param}</source>
        <translation>{layer}({class_name})에는 {param} 파라미터가 없습니다</translation>
    </message>
    <message>
        <source>{where} is not a number or a choice, so a search cannot vary it</source>
        <translation>{where}은(는) 숫자나 선택 항목이 아니어서 탐색에서 바꿀 수 없습니다</translation>
    </message>
    <message>
        <source>nothing is marked to try several values: mark a layer parameter, the learning rate, the optimizer or the batch size</source>
        <translation>여러 값을 시도하도록 표시한 것이 없습니다. 층 파라미터, 학습률, 옵티마이저 또는 배치 크기를 표시하세요</translation>
    </message>
    <message>
        <source>{where} takes a list of values, not a range</source>
        <translation>{where}에는 범위가 아니라 값 목록을 지정해야 합니다</translation>
    </message>
    <message>
        <source>{where} needs whole numbers at both ends of its range</source>
        <translation>{where}의 범위는 양 끝이 모두 정수여야 합니다</translation>
    </message>
    <message>
        <source>{where} needs a whole number step</source>
        <translation>{where}의 간격(step)은 정수여야 합니다</translation>
    </message>
    <message>
        <source>{where}: {value} is not a single number, word or true/false</source>
        <translation>{where}: {value}은(는) 숫자 하나, 단어 하나 또는 true/false가 아닙니다</translation>
    </message>
    <message>
        <source>{where}: the values must all be numbers, all words or all true/false</source>
        <translation>{where}: 값은 모두 숫자이거나, 모두 단어이거나, 모두 true/false여야 합니다</translation>
    </message>
    <message>
        <source>{value} is not a learning rate (a number above 0, such as 0.001)</source>
        <translation>{value}은(는) 학습률로 쓸 수 없습니다 (0보다 큰 수여야 합니다. 예: 0.001)</translation>
    </message>
    <message>
        <source>{value} is not a batch size (a whole number of at least 1)</source>
        <translation>{value}은(는) 배치 크기로 쓸 수 없습니다 (1 이상의 정수여야 합니다)</translation>
    </message>
    <message>
        <source>{value} is not an optimizer ({optimizers})</source>
        <translation>{value}은(는) 옵티마이저가 아닙니다 ({optimizers})</translation>
    </message>
    <message>
        <source>--search {text} is not NAME=V1,V2,... or NAME=LO..HI[:log]</source>
        <translation>--search {text}은(는) NAME=V1,V2,... 또는 NAME=LO..HI[:log] 형식이 아닙니다</translation>
    </message>
    <message>
        <source>--search {name}: name a layer parameter as LAYER.PARAM (e.g. dense.units) or a compile setting ({settings})</source>
        <translation>--search {name}: 층 파라미터는 LAYER.PARAM 형식(예: dense.units)으로 쓰거나, 컴파일 설정({settings}) 이름을 쓰세요</translation>
    </message>
    <message>
        <source>--search {name}: the model has no layer named {layer} (its layers: {names})</source>
        <translation>--search {name}: 모델에 {layer}(이)라는 이름의 층이 없습니다 (모델의 층: {names})</translation>
    </message>
    <message>
        <source>{where}: give values such as 16, 32, 64 or a range such as 1e-4..1e-2:log</source>
        <translation>{where}: 16, 32, 64 같은 값이나 1e-4..1e-2:log 같은 범위를 입력하세요</translation>
    </message>
    <message>
        <source>{where}: after the range, write :log, :linear or a step such as :16 (not {option})</source>
        <translation>{where}: 범위 뒤에는 :log, :linear 또는 :16 같은 간격을 쓰세요 ({option}은(는) 쓸 수 없습니다)</translation>
    </message>
    <message>
        <source>{where}: a range is two numbers, LO..HI (got {text})</source>
        <translation>{where}: 범위는 LO..HI처럼 두 수로 씁니다 (입력: {text})</translation>
    </message>
    <message>
        <source>{where}: an empty value in {text}</source>
        <translation>{where}: {text}에 빈 값이 있습니다</translation>
    </message>
    <message>
        <source>{where}: at most {most} values</source>
        <translation>{where}: 값은 최대 {most}개까지 쓸 수 있습니다</translation>
    </message>
</context>
<context>
    <name>training.search_space</name>
    <message>
        <source>{lo} .. {hi} (log, step {step})</source>
        <extracomment>The compile settings a search can vary, and the kind of value each takes. &quot;auto&quot;: val_accuracy for a one-output classifier with an accuracy metric, else val_loss (see kbuilder.training.tuning.choose_objective). Layer parameter kinds (kbuilder.layers.spec) that can be searched, and those that take a range.</extracomment>
        <translation>{lo} .. {hi} (로그 스케일, 간격 {step})</translation>
    </message>
    <message>
        <source>{lo} .. {hi} (log)</source>
        <translation>{lo} .. {hi} (로그 스케일)</translation>
    </message>
    <message>
        <source>{lo} .. {hi} (step {step})</source>
        <translation>{lo} .. {hi} (간격 {step})</translation>
    </message>
    <message>
        <source>a searched setting is {kind}, not an object</source>
        <translation>탐색 설정 하나가 객체가 아니라 {kind}입니다</translation>
    </message>
    <message>
        <source>{name} is not a compile setting a search can vary</source>
        <translation>{name}은(는) 탐색에서 바꿀 수 있는 컴파일 설정이 아닙니다</translation>
    </message>
    <message>
        <source>the range of {param} is {kind}, not an object</source>
        <translation>{param}의 범위가 객체가 아니라 {kind}입니다</translation>
    </message>
    <message>
        <source>{param} needs a list of values or a range</source>
        <translation>{param}에는 값 목록이나 범위가 필요합니다</translation>
    </message>
    <message>
        <source>{param} lists {n} values; a search tries at most {most}</source>
        <translation>{param}에 값이 {n}개 있습니다. 탐색은 최대 {most}개까지 시도합니다</translation>
    </message>
    <message>
        <source>the search settings are {kind}, not an object</source>
        <translation>탐색 설정이 객체가 아니라 {kind}입니다</translation>
    </message>
    <message>
        <source>a search varies at most {most} settings</source>
        <translation>탐색에서는 설정을 최대 {most}개까지 바꿀 수 있습니다</translation>
    </message>
    <message>
        <source>the search space is {kind}, not an object</source>
        <translation>탐색 공간이 객체가 아니라 {kind}입니다</translation>
    </message>
    <message>
        <source>the search space has no valid version</source>
        <translation>탐색 공간에 올바른 버전 정보가 없습니다</translation>
    </message>
    <message>
        <source>the search space was saved by a newer kbuilder (version {version})</source>
        <translation>탐색 공간이 더 새로운 kbuilder에서 저장되었습니다 (버전 {version})</translation>
    </message>
    <message>
        <source>the searched settings are {kind}, not a list</source>
        <translation>탐색하는 설정들이 목록이 아니라 {kind}입니다</translation>
    </message>
    <message>
        <source>the search varies {n} settings; the most is {most}</source>
        <translation>탐색에서 바꾸는 설정이 {n}개입니다. 최대 {most}개까지 가능합니다</translation>
    </message>
    <message>
        <source>{param} is searched twice on the same layer</source>
        <translation>같은 층에서 {param}을(를) 두 번 탐색합니다</translation>
    </message>
    <message>
        <source>The project&apos;s hyperparameter search could not be read ({problem}), so it was left out.</source>
        <translation>프로젝트의 하이퍼파라미터 탐색을 읽을 수 없어서({problem}) 제외했습니다.</translation>
    </message>
    <message>
        <source>{where}: the range&apos;s low end must be below its high end</source>
        <translation>{where}: 범위의 아래쪽 끝은 위쪽 끝보다 작아야 합니다</translation>
    </message>
    <message>
        <source>{where}: a log range must start above 0</source>
        <translation>{where}: 로그 스케일 범위는 0보다 큰 값에서 시작해야 합니다</translation>
    </message>
    <message>
        <source>{where}: the step must be above 0</source>
        <translation>{where}: 간격(step)은 0보다 커야 합니다</translation>
    </message>
    <message>
        <source>{where}: with log steps, the step is a factor and must be above 1</source>
        <translation>{where}: 로그 스케일에서는 간격(step)이 곱하는 배수이므로 1보다 커야 합니다</translation>
    </message>
    <message>
        <source>a searched setting&apos;s layer id is {kind}, not a short text</source>
        <translation>탐색 설정의 층 id가 짧은 텍스트가 아니라 {kind}입니다</translation>
    </message>
    <message>
        <source>a searched setting&apos;s parameter name is {kind}, not a short text</source>
        <translation>탐색 설정의 파라미터 이름이 짧은 텍스트가 아니라 {kind}입니다</translation>
    </message>
    <message>
        <source>the range of {param} has {kind} where a number belongs</source>
        <translation>{param}의 범위에서 숫자가 있어야 할 자리에 {kind}이(가) 있습니다</translation>
    </message>
    <message>
        <source>a range&apos;s log or integer flag is {kind}, not true/false</source>
        <translation>범위의 log 또는 integer 플래그가 true/false가 아니라 {kind}입니다</translation>
    </message>
    <message>
        <source>{param} lists {kind} as a value; values are numbers, short words or true/false</source>
        <translation>{param}의 값 중에 {kind}이(가) 있습니다. 값은 숫자, 짧은 단어 또는 true/false여야 합니다</translation>
    </message>
    <message>
        <source>the search&apos;s tuner is {value}, not one of {allowed}</source>
        <extracomment>The messages of _one_of and _whole, by the setting they check.</extracomment>
        <translation>탐색의 tuner(튜너) 값 {value}은(는) {allowed} 중 하나가 아닙니다</translation>
    </message>
    <message>
        <source>the search&apos;s objective is {value}, not one of {allowed}</source>
        <translation>탐색의 objective(목표) 값 {value}은(는) {allowed} 중 하나가 아닙니다</translation>
    </message>
    <message>
        <source>the search&apos;s trials is {value}, not a whole number from {lo} to {hi}</source>
        <translation>탐색의 trials(시도 횟수) 값 {value}은(는) {lo}에서 {hi} 사이의 정수가 아닙니다</translation>
    </message>
    <message>
        <source>the search&apos;s epochs is {value}, not a whole number from {lo} to {hi}</source>
        <translation>탐색의 epochs(에포크 수) 값 {value}은(는) {lo}에서 {hi} 사이의 정수가 아닙니다</translation>
    </message>
</context>
<context>
    <name>training.session</name>
    <message>
        <source>The model cannot be built: {error}</source>
        <translation>모델을 만들 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Give the image size in the Data settings: the model has no image input of a fixed size (height, width, channels) to take it from.</source>
        <translation>데이터 탭에서 이미지 크기를 지정하세요. 모델에 크기가 정해진 이미지 입력(높이, 너비, 채널)이 없어서 크기를 알아낼 수 없습니다.</translation>
    </message>
    <message>
        <source>The validation file: {error}</source>
        <translation>검증 파일: {error}</translation>
    </message>
    <message>
        <source>The validation file {file} lacks {names}, which the training data has.</source>
        <translation>검증 파일 {file}에는 훈련 데이터에 있는 {names}이(가) 없습니다.</translation>
    </message>
    <message>
        <source>The model cannot be compiled: {error}</source>
        <translation>모델을 컴파일할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>The saved weights could not be set ({error}); the model starts from fresh weights.</source>
        <translation>저장된 가중치를 넣을 수 없어서({error}) 모델이 새 가중치로 시작합니다.</translation>
    </message>
    <message>
        <source>None of the saved weights fits a layer of this model, so it starts from fresh weights.</source>
        <translation>저장된 가중치 중 이 모델의 층에 맞는 것이 하나도 없어서 새 가중치로 시작합니다.</translation>
    </message>
    <message>
        <source>Started from the saved weights ({used} of {total} layers with weights).</source>
        <translation>저장된 가중치로 시작했습니다 (가중치가 있는 층 {total}개 중 {used}개).</translation>
    </message>
    <message>
        <source>Building the model…</source>
        <translation>모델을 만드는 중…</translation>
    </message>
    <message>
        <source>Preparing the data…</source>
        <translation>데이터를 준비하는 중…</translation>
    </message>
    <message>
        <source>Evaluating on the test split…</source>
        <translation>테스트 세트로 평가하는 중…</translation>
    </message>
    <message>
        <source>The data cannot be prepared for this model: {error}</source>
        <translation>이 모델에 맞게 데이터를 준비할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>The data does not fit the model:</source>
        <translation>데이터가 모델에 맞지 않습니다:</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>훈련하는 중…</translation>
    </message>
    <message>
        <source>The loss became NaN (not a number) at epoch {epoch}, batch {batch}, so training stopped. Try a smaller learning rate, inputs scaled to 0-1, or a different loss. The weights are those of the last step and may be damaged: rebuild before training again.</source>
        <translation>{epoch}번째 에포크의 {batch}번째 배치에서 손실이 NaN(숫자 아님)이 되어 훈련을 멈췄습니다. 학습률을 낮추거나, 입력을 0-1 범위로 스케일 조정하거나, 다른 손실을 써 보세요. 가중치는 마지막 스텝의 것이라 망가졌을 수 있으니, 다시 훈련하기 전에 모델을 새로 만드세요.</translation>
    </message>
    <message>
        <source>The loss became NaN (not a number) at epoch {epoch}, so training stopped. Try a smaller learning rate, inputs scaled to 0-1, or a different loss. The weights are those of the last step and may be damaged: rebuild before training again.</source>
        <translation>{epoch}번째 에포크에서 손실이 NaN(숫자 아님)이 되어 훈련을 멈췄습니다. 학습률을 낮추거나, 입력을 0-1 범위로 스케일 조정하거나, 다른 손실을 써 보세요. 가중치는 마지막 스텝의 것이라 망가졌을 수 있으니, 다시 훈련하기 전에 모델을 새로 만드세요.</translation>
    </message>
    <message>
        <source>Stopped after {epochs}; the weights trained so far are kept.</source>
        <translation>{epochs} 뒤에 멈췄습니다. 지금까지 훈련된 가중치는 그대로 남아 있습니다.</translation>
    </message>
    <message>
        <source>Early stopping ended training after {epochs}.</source>
        <translation>조기 종료로 {epochs} 뒤에 훈련을 마쳤습니다.</translation>
    </message>
    <message>
        <source>Finished {epochs}.</source>
        <translation>{epochs} 훈련을 마쳤습니다.</translation>
    </message>
    <message>
        <source>There is no trained model to save yet.</source>
        <translation>아직 저장할 훈련된 모델이 없습니다.</translation>
    </message>
    <message>
        <source>Save the model as .keras (recommended) or .h5.</source>
        <translation>모델은 .keras(권장) 또는 .h5로 저장하세요.</translation>
    </message>
    <message>
        <source>Could not save {file}: {error}</source>
        <translation>{file} 파일을 저장할 수 없습니다: {error}</translation>
    </message>
</context>
<context>
    <name>training.settings_edit</name>
    <message>
        <source>Change training settings</source>
        <translation>훈련 설정 변경</translation>
    </message>
</context>
<context>
    <name>training.trials</name>
    <message>
        <source>The loss became NaN (not a number): try a smaller learning rate.</source>
        <translation>손실이 NaN(숫자가 아님)이 되었습니다. 더 작은 학습률을 시도해 보세요.</translation>
    </message>
    <message>
        <source>The search was stopped.</source>
        <translation>탐색이 중지되었습니다.</translation>
    </message>
    <message>
        <source>Three trials in a row failed, so the search stopped. The last one: {last}</source>
        <translation>시도가 세 번 연속 실패해서 탐색을 멈췄습니다. 마지막 시도: {last}</translation>
    </message>
</context>
<context>
    <name>training.tune_cli</name>
    <message>
        <source>a project or model file (.kbproj, .json, .h5, .keras)</source>
        <translation>프로젝트 또는 모델 파일 (.kbproj, .json, .h5, .keras)</translation>
    </message>
    <message>
        <source>fraction kept for the final test (0-1)</source>
        <translation>최종 테스트용으로 떼어 둘 비율 (0-1)</translation>
    </message>
    <message>
        <source>what to try: LAYER.PARAM=V1,V2,... (e.g. dense.units=16,32,64) or NAME=LO..HI[:log] (e.g. learning_rate=1e-4..1e-2:log); NAME may be learning_rate, optimizer or batch_size. Repeat for several. Default: the search saved in the project</source>
        <translation>시도할 값: LAYER.PARAM=V1,V2,... (예: dense.units=16,32,64) 또는 NAME=LO..HI[:log] (예: learning_rate=1e-4..1e-2:log). NAME에는 learning_rate, optimizer, batch_size를 쓸 수 있습니다. 여러 개를 탐색하려면 이 옵션을 반복하세요. 기본값: 프로젝트에 저장된 탐색</translation>
    </message>
    <message>
        <source>at most N trials (default 10)</source>
        <translation>최대 N번 시도합니다 (기본값 10)</translation>
    </message>
    <message>
        <source>epochs per trial (Hyperband: the most); default: the project&apos;s epochs</source>
        <translation>시도마다의 에포크 수 (Hyperband: 최대 에포크 수). 기본값: 프로젝트의 에포크 수</translation>
    </message>
    <message>
        <source>how to choose the values (default: random)</source>
        <translation>값을 고르는 방법 (기본값: random)</translation>
    </message>
    <message>
        <source>fraction kept for validation (0-1)</source>
        <translation>검증용으로 떼어 둘 비율 (0-1)</translation>
    </message>
    <message>
        <source>print JSON lines (one per trial, then the best)</source>
        <translation>JSON 줄을 출력합니다 (시도마다 한 줄, 마지막에 최고 결과)</translation>
    </message>
    <message>
        <source>write the model with the best values</source>
        <translation>최고 값을 적용한 모델을 저장합니다</translation>
    </message>
    <message>
        <source>also write a stand-alone search script (runs on several machines with KerasTuner&apos;s distributed mode)</source>
        <translation>단독으로 실행되는 탐색 스크립트도 저장합니다 (KerasTuner의 분산 모드로 여러 컴퓨터에서 실행할 수 있습니다)</translation>
    </message>
    <message>
        <source>BEST must end in .kbproj (got &apos;{name}&apos;)</source>
        <translation>BEST는 .kbproj로 끝나야 합니다 (받은 이름: &apos;{name}&apos;)</translation>
    </message>
    <message>
        <source>--trials must be at least 1</source>
        <translation>--trials는 1 이상이어야 합니다</translation>
    </message>
    <message>
        <source>note: {note}</source>
        <translation>참고: {note}</translation>
    </message>
    <message>
        <source>nothing to search: give --search LAYER.PARAM=V1,V2,... (or mark parameters to try in the app)</source>
        <translation>탐색할 것이 없습니다. --search LAYER.PARAM=V1,V2,...를 지정하세요 (또는 앱에서 여러 값을 시도할 파라미터를 표시하세요)</translation>
    </message>
    <message>
        <source>--epochs must be at least 1</source>
        <translation>--epochs는 1 이상이어야 합니다</translation>
    </message>
    <message>
        <source>trial {number}  {values}  {result}  ({seconds} s)</source>
        <translation>시도 {number}  {values}  {result}  ({seconds}초)</translation>
    </message>
    <message>
        <source>no trial completed, so there is no best model (see the trials above).</source>
        <translation>완료된 시도가 없어서 최고 모델이 없습니다 (위의 시도 결과를 확인하세요).</translation>
    </message>
    <message>
        <source>best: trial {number}  {values}  {objective} {score}</source>
        <translation>최고: 시도 {number}  {values}  {objective} {score}</translation>
    </message>
    <message>
        <source>wrote {path}</source>
        <translation>{path}에 저장했습니다</translation>
    </message>
    <message>
        <source>{tuner} search, at most 1 trial of 1 epoch; objective {objective} ({direction})</source>
        <translation>{tuner} 탐색: 최대 1번 시도, 시도마다 1 에포크, 목표 {objective} ({direction})</translation>
    </message>
    <message>
        <source>{tuner} search, at most 1 trial of {epochs} epochs; objective {objective} ({direction})</source>
        <translation>{tuner} 탐색: 최대 1번 시도, 시도마다 {epochs} 에포크, 목표 {objective} ({direction})</translation>
    </message>
    <message>
        <source>{tuner} search, at most {trials} trials of 1 epoch; objective {objective} ({direction})</source>
        <translation>{tuner} 탐색: 최대 {trials}번 시도, 시도마다 1 에포크, 목표 {objective} ({direction})</translation>
    </message>
    <message>
        <source>{tuner} search, at most {trials} trials of {epochs} epochs; objective {objective} ({direction})</source>
        <translation>{tuner} 탐색: 최대 {trials}번 시도, 시도마다 {epochs} 에포크, 목표 {objective} ({direction})</translation>
    </message>
    <message>
        <source>max</source>
        <translation>최대화</translation>
    </message>
    <message>
        <source>min</source>
        <translation>최소화</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중단됨</translation>
    </message>
</context>
<context>
    <name>training.tune_script</name>
    <message>
        <source>The search script cannot be written: {problem}</source>
        <translation>탐색 스크립트를 만들 수 없습니다: {problem}</translation>
    </message>
    <message>
        <source>The search script cannot be written: the code exporter dropped a searched value.</source>
        <translation>탐색 스크립트를 만들 수 없습니다. 코드를 내보내는 과정에서 탐색하는 값 하나가 빠졌습니다.</translation>
    </message>
    <message>
        <source>Prepare the search first: the script repeats its data recipe.</source>
        <translation>먼저 탐색을 준비하세요. 스크립트는 그 데이터 준비 과정을 그대로 반복합니다.</translation>
    </message>
</context>
<context>
    <name>training.tuning</name>
    <message>
        <source>The model has no layer named {layer} any more, so {key} cannot be applied.</source>
        <translation>모델에 더 이상 {layer} 층이 없어서 {key}을(를) 적용할 수 없습니다.</translation>
    </message>
    <message>
        <source>Apply best values</source>
        <translation>최고 값 적용</translation>
    </message>
    <message>
        <source>Apply the best trial&apos;s values</source>
        <translation>최고 시도의 값 적용</translation>
    </message>
    <message>
        <source>The objective val_accuracy needs a model with one output and the accuracy metric; choose val_loss.</source>
        <translation>목표 val_accuracy를 쓰려면 출력이 하나이고 accuracy 지표가 있는 모델이어야 합니다. val_loss를 선택하세요.</translation>
    </message>
    <message>
        <source>There is no validation data, so trials are compared on the training {name}.</source>
        <translation>검증 데이터가 없어서 훈련 데이터의 {name}(으)로 시도들을 비교합니다.</translation>
    </message>
    <message>
        <source>Preparing the data…</source>
        <translation>데이터를 준비하는 중…</translation>
    </message>
    <message>
        <source>Stopped after 1 finished trial; they are kept.</source>
        <translation>시도 1개를 마친 뒤 중지했습니다. 마친 시도는 그대로 남아 있습니다.</translation>
    </message>
    <message>
        <source>Stopped after {n} finished trials; they are kept.</source>
        <translation>시도 {n}개를 마친 뒤 중지했습니다. 마친 시도는 그대로 남아 있습니다.</translation>
    </message>
    <message>
        <source>Finished 1 trial.</source>
        <translation>시도 1개를 마쳤습니다.</translation>
    </message>
    <message>
        <source>Finished {n} trials.</source>
        <translation>시도 {n}개를 마쳤습니다.</translation>
    </message>
    <message>
        <source>{message} No trial completed: see the trials&apos; messages.</source>
        <translation>{message} 완료된 시도가 없습니다. 각 시도의 메시지를 확인하세요.</translation>
    </message>
    <message>
        <source>{folder} exists and is not a kbuilder search folder; move it away or choose another project name.</source>
        <translation>{folder} 폴더가 이미 있는데 kbuilder 탐색 폴더가 아닙니다. 다른 곳으로 옮기거나 다른 프로젝트 이름을 쓰세요.</translation>
    </message>
    <message>
        <source>The search folder holds a search of a different model, search space or settings, so it cannot be resumed: start a new search.</source>
        <translation>탐색 폴더에 다른 모델, 탐색 공간 또는 설정으로 한 탐색이 들어 있어서 이어서 할 수 없습니다. 새 탐색을 시작하세요.</translation>
    </message>
    <message>
        <source>Cannot write the search folder {folder}: {problem}</source>
        <translation>탐색 폴더 {folder}에 쓸 수 없습니다: {problem}</translation>
    </message>
</context>
<context>
    <name>training.vocabulary</name>
    <message>
        <source>{file} is damaged: it is not a JSON table of words.</source>
        <translation>{file} 파일이 손상되었습니다. 단어를 담은 JSON 표가 아닙니다.</translation>
    </message>
    <message>
        <source>{file} is damaged: it is not a table of words to whole numbers.</source>
        <translation>{file} 파일이 손상되었습니다. 단어를 정수에 대응시킨 표가 아닙니다.</translation>
    </message>
    <message>
        <source>The word list {file} is not on this computer and could not be downloaded ({error}): download {url} and put it in {path}.</source>
        <translation>단어 목록 {file}이(가) 이 컴퓨터에 없고 내려받을 수도 없습니다({error}). {url} 파일을 내려받아 {path} 경로에 넣으세요.</translation>
    </message>
</context>
<context>
    <name>ui.experiments.commands</name>
    <message>
        <source>A search varies at most {n} settings: remove a mark first.</source>
        <translation>탐색에서 바꿀 수 있는 설정은 최대 {n}개입니다. 먼저 표시 하나를 지우세요.</translation>
    </message>
    <message>
        <source>Try several values of {key}</source>
        <translation>{key}의 여러 값 시도</translation>
    </message>
    <message>
        <source>Stop trying several values of {key}</source>
        <translation>{key}의 여러 값 시도 그만두기</translation>
    </message>
    <message>
        <source>Apply the values of trial {n}</source>
        <translation>시도 {n}의 값 적용</translation>
    </message>
    <message>
        <source>Apply the best trial&apos;s values</source>
        <translation>최고 시도의 값 적용</translation>
    </message>
</context>
<context>
    <name>ui.inspector.value_text</name>
    <message>
        <source>this value is not accepted</source>
        <translation>이 값은 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>type a whole number, or several separated by commas (3, 3)</source>
        <translation>정수 하나 또는 쉼표로 구분한 여러 정수를 입력하세요(3, 3)</translation>
    </message>
    <message>
        <source>{text} is not a whole number; type numbers separated by commas, e.g. 3, 3</source>
        <translation>{text}은(는) 정수가 아닙니다. 쉼표로 구분한 숫자를 입력하세요. 예: 3, 3</translation>
    </message>
    <message>
        <source>{text} is not a size; type whole numbers separated by commas, None for any length</source>
        <translation>{text}은(는) 크기가 아닙니다. 쉼표로 구분한 정수를 입력하세요. 길이가 정해지지 않았으면 None을 쓰세요</translation>
    </message>
    <message>
        <source>this is not valid JSON (check the brackets and quotes)</source>
        <translation>올바른 JSON이 아닙니다(괄호와 따옴표를 확인하세요)</translation>
    </message>
</context>
</TS>
